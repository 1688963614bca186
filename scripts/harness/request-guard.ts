/**
 * Who may talk to the harness. It listens on 127.0.0.1 only, but a web page in the same browser can
 * still reach it: a DNS-rebinding page arrives with its own Host header, and a cross-site form or
 * fetch carries a foreign Origin. Both are refused before any routing.
 */
import type { IncomingMessage } from 'node:http';

/** Whether the Host header names this server (`127.0.0.1:PORT` or `localhost:PORT`). */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host?.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * Whether a state-changing request comes from our own pages (or from a non-browser client, which
 * sends neither Origin nor Sec-Fetch-Site).
 */
export function isSameOriginWrite(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host?.toLowerCase() ?? ''}`;
}
