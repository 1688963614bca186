/** Command-line flags of the browser harness. */
import { parseArgs } from 'node:util';
import type { DbKey } from '../../db/store/open-store.ts';

/** The key of harness databases unless TRIALLEDGER_DB_KEY is set: test data only, never real data. */
export const HARNESS_TEST_PASSPHRASE = 'trialledger-browser-harness-test-key';

export interface HarnessArgs {
  /** 0 picks a free port. */
  readonly port: number;
  /** Database file; null means a fresh one in a temporary folder. */
  readonly dbPath: string | null;
  readonly demo: boolean;
  readonly key: DbKey;
}

export const HARNESS_USAGE = `Usage: node scripts/harness/serve.ts [--port N] [--db PATH] [--demo]

Serves the browser build of the renderer (build/web; run npm run build:web first) and the backend
on http://127.0.0.1 only. For tests and development: never expose it, never point it at real data.

  --port N     port to listen on (default 0: a free port; the address is printed)
  --db PATH    database file (default: a new one in a temporary folder)
  --demo       load the demo study package into an empty database
  key: TRIALLEDGER_DB_KEY (64 hex digits = raw key, else a passphrase), or a fixed test passphrase`;

/** Parses argv (without node and the script); throws with a message on a bad flag. */
export function parseHarnessArgs(argv: readonly string[], env: NodeJS.ProcessEnv): HarnessArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: { port: { type: 'string', default: '0' }, db: { type: 'string' }, demo: { type: 'boolean', default: false } },
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0..65535, not ${values.port}`);
  const text = env.TRIALLEDGER_DB_KEY || HARNESS_TEST_PASSPHRASE;
  const key: DbKey = /^[0-9a-f]{64}$/i.test(text) ? { kind: 'raw', hex: text } : { kind: 'passphrase', value: text };
  return { port, dbPath: values.db ?? null, demo: values.demo, key };
}
