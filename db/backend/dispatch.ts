/**
 * The one entry point from any host into the handlers: validates the untrusted input against the
 * contract's schema, calls the plain handler, and returns a Result. No Error object or stack trace
 * crosses the boundary (Signal's sql_channel pattern).
 */
import { CHANNELS, CONTRACT, type Channel, type Result } from '../../shared/contract/index.ts';
import { HANDLERS } from '../handlers/index.ts';
import type { Backend } from './backend.ts';
import { UserError } from './user-error.ts';
import { StoreError } from '../store/store-error.ts';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as string[]).includes(name);
}

/** Validates and runs one call. `log` receives unexpected errors (message and stack, never input values). */
export async function dispatch(backend: Backend, channel: unknown, rawInput: unknown, log: (message: string) => void = console.error): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: { code: 'NO_SUCH_CHANNEL', message: 'Unknown request.' } };
  const parsed = CONTRACT[channel].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: { code: 'BAD_INPUT', message: `Invalid request${issue ? `: ${issue.path.join('.') || 'input'} ${issue.message}` : ''}.` } };
  }
  try {
    const handler = HANDLERS[channel] as (backend: Backend, input: unknown) => unknown;
    return { ok: true, value: await handler(backend, parsed.data) };
  } catch (error) {
    if (error instanceof UserError || error instanceof StoreError) return { ok: false, error: { code: error.code, message: error.message } };
    log(`[${channel}] unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : 'non-error thrown'}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the details are in the application log.' } };
  }
}
