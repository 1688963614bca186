/**
 * Serves the built renderer from `app://trialledger/`, a privileged standard scheme, instead of
 * file:// (which would give the page access to every local file's origin). Only files inside the
 * renderer folder are served; every response carries the CSP.
 */
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp.ts';
import { resolveInside } from '../db/util/safe-path.ts';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Declares the scheme secure and standard (so it has an origin, fetch and a CSP). Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Answers `app://trialledger/<path>` from `rendererDir`. Call when `app` is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = request.method === 'GET' && url.host === APP_HOST ? resolveInside(rendererDir, url.pathname) : null;
    if (file === null) return respond(404, 'Not found', 'text/plain; charset=utf-8');
    try {
      return respond(200, await readFile(file), MIME[extname(file).toLowerCase()] ?? 'application/octet-stream');
    } catch {
      return respond(404, 'Not found', 'text/plain; charset=utf-8');
    }
  });
}

function respond(status: number, body: string | Buffer, contentType: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: { 'Content-Type': contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
  });
}
