/**
 * A backend over the denial world for tests that go through the contract (dispatch validates input
 * and runs the real handlers; jobs run inline on the same in-memory connection).
 */
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createBackend, type Backend } from '../../db/backend/backend.ts';
import { dispatch } from '../../db/backend/dispatch.ts';
import type { Channel, InputOf, OutputOf } from '../../shared/contract/index.ts';
import { tempDir } from '../helpers/temp-dir.ts';

/** A backend on `db` with a fixed clock. */
export function testBackend(db: Db, now: () => Date): Backend {
  return createBackend({ db, dbPath: ':memory:', key: null, dataDir: tempDir('tl-backend-'), host: 'cli', keyProtection: 'none', version: 'test', now });
}

/** Calls a channel through dispatch; throws with the backend's code when it fails. */
export async function call<C extends Channel>(backend: Backend, channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await dispatch(backend, channel, input, () => undefined);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as OutputOf<C>;
}

/** Runs a job started by a channel to its end and returns its result. */
export async function jobResult(backend: Backend, jobId: string): Promise<unknown> {
  const state = await backend.jobs.whenDone(jobId);
  if (state.status !== 'succeeded') throw new Error(`job ${state.status}: ${state.error ?? ''}`);
  return state.result;
}
