/** Serves the browser build of the renderer (build/web), never a file outside it. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { SECURITY_HEADERS, sendText } from './http-util.ts';
import { resolveInside } from '../../db/util/safe-path.ts';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Answers GET/HEAD of `rawPath` (still percent-encoded) from `webRoot`. */
export async function serveStatic(res: ServerResponse, webRoot: string, rawPath: string, headOnly: boolean): Promise<void> {
  const file = resolveInside(webRoot, rawPath);
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || !info?.isFile()) {
    sendText(res, 404, rawPath === '/' ? 'Not found: build the renderer first (npm run build:web).' : 'Not found');
    return;
  }
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': info.size });
  if (headOnly) res.end();
  else createReadStream(file).pipe(res);
}
