/** `GET /api/events`: job state changes as Server-Sent Events (the harness's `jobs:changed` push). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../../db/backend/backend.ts';
import { SECURITY_HEADERS } from './http-util.ts';

// Proxies and browsers drop an idle stream; a comment line now and then keeps it open.
const KEEP_ALIVE_MS = 20_000;

/** Streams every job change until the client goes away. */
export function streamJobEvents(req: IncomingMessage, res: ServerResponse, backend: Backend): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
  res.write('retry: 2000\n\n');
  const unsubscribe = backend.jobs.onChange((state) => {
    res.write(`event: jobs:changed\ndata: ${JSON.stringify(state)}\n\n`);
  });
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
  keepAlive.unref();
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}
