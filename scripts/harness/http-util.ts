/** Small HTTP helpers of the harness: security headers, JSON answers, bounded bodies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/contract/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';

/** Headers on every response: the renderer's CSP and the usual hardening of a local server. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Ends the response with a short plain-text message. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Ends the response with a Result, as the Electron IPC would return it. */
export function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(result));
}

/** A Result error with a stable code, for protocol-level refusals. */
export function failure(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Reads the whole body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export class BodyTooLargeError extends Error {
  constructor() {
    super('request body too large');
    this.name = 'BodyTooLargeError';
  }
}

/** The media type of a request without parameters, lower case (`application/json`). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}
