/**
 * The browser harness's HTTP server: the built renderer plus the backend contract over HTTP, for
 * Playwright and development. Every request passes the Host check first; writes must be same-origin.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../../db/backend/backend.ts';
import { dispatch } from '../../db/backend/dispatch.ts';
import { receiveUpload, sendDownload } from './file-routes.ts';
import { BodyTooLargeError, failure, mediaType, readBody, sendResult, sendText } from './http-util.ts';
import { streamJobEvents } from './job-events.ts';
import { isAllowedHost, isSameOriginWrite } from './request-guard.ts';
import { serveStatic } from './static-files.ts';

const MAX_JSON_BYTES = 1024 * 1024;

export interface HarnessServerOptions {
  readonly backend: Backend;
  /** build/web */
  readonly webRoot: string;
  /** Where uploads are kept (a temporary folder). */
  readonly uploadDir: string;
}

/** Creates the server (not yet listening). Close it with `server.closeAllConnections()` + `close()`. */
export function createHarnessServer(options: HarnessServerOptions): Server {
  const server = createServer((req, res) => {
    handle(server, options, req, res).catch((error: unknown) => {
      console.error(`[harness] ${req.method ?? ''} failed: ${error instanceof Error ? error.message : 'non-error thrown'}`);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  return server;
}

async function handle(server: Server, options: HarnessServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { port } = server.address() as AddressInfo;
  if (!isAllowedHost(req, port)) return sendText(res, 403, 'Forbidden: unexpected Host header');
  const target = req.url ?? '';
  if (!target.startsWith('/')) return sendText(res, 400, 'Bad request');
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
  const method = req.method ?? 'GET';

  if (!path.startsWith('/api/')) {
    if (method !== 'GET' && method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    return serveStatic(res, options.webRoot, path, method === 'HEAD');
  }
  if (method === 'GET' && path === '/api/events') return streamJobEvents(req, res, options.backend);
  if (method === 'GET' && path.startsWith('/api/download/')) return sendDownload(res, options.backend, path.slice('/api/download/'.length));
  if (method !== 'POST') return sendText(res, 405, 'Method not allowed');
  if (!isSameOriginWrite(req)) return sendResult(res, 403, failure('FORBIDDEN', 'Cross-origin requests are refused.'));
  if (path === '/api/upload') {
    if (mediaType(req) !== 'application/octet-stream') return sendResult(res, 415, failure('BAD_INPUT', 'Uploads are application/octet-stream.'));
    return receiveUpload(req, res, options.backend, options.uploadDir, query.get('name'));
  }
  // A JSON content type also forces a CORS preflight on any cross-site fetch, which we never grant.
  if (mediaType(req) !== 'application/json') return sendResult(res, 415, failure('BAD_INPUT', 'Requests are application/json.'));
  let input: unknown;
  try {
    const body = await readBody(req, MAX_JSON_BYTES);
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    if (error instanceof BodyTooLargeError) return sendResult(res, 413, failure('TOO_LARGE', 'The request is too large.'));
    return sendResult(res, 400, failure('BAD_INPUT', 'The request is not valid JSON.'));
  }
  let channel: string;
  try {
    channel = decodeURIComponent(path.slice('/api/'.length));
  } catch {
    return sendResult(res, 400, failure('NO_SUCH_CHANNEL', 'Unknown request.'));
  }
  const result = await dispatch(options.backend, channel, input);
  sendResult(res, result.ok || result.error.code !== 'NO_SUCH_CHANNEL' ? 200 : 404, result);
}
