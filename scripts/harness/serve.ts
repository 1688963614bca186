/**
 * Browser harness (tests and development only; never packaged): opens a database, creates the same
 * backend the desktop app creates (worker-thread jobs), and serves the renderer's browser build with
 * the contract over HTTP on 127.0.0.1. Prints `listening on http://127.0.0.1:PORT` when ready.
 *
 *   node scripts/harness/serve.ts [--port N] [--db PATH] [--demo]      (Node 24, from source)
 *   node build/node/scripts/harness/serve.js ...                       (after npm run build:cli)
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend } from '../../db/backend/backend.ts';
import { loadDemoIfEmpty } from '../../db/demo/load-demo.ts';
import { openStore } from '../../db/store/open-store.ts';
import { HARNESS_USAGE, parseHarnessArgs, type HarnessArgs } from './harness-args.ts';
import { findRepoRoot, readVersion } from './repo-root.ts';
import { createHarnessServer } from './server.ts';

async function main(): Promise<void> {
  let args: HarnessArgs;
  try {
    args = parseHarnessArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HARNESS_USAGE}`);
    process.exit(2);
  }
  const root = findRepoRoot(import.meta.dirname);
  // TRIALLEDGER_WEB_OUT: the folder the browser build went to (parallel test runs use their own).
  const webRoot = process.env.TRIALLEDGER_WEB_OUT ? resolve(process.env.TRIALLEDGER_WEB_OUT) : join(root, 'build', 'web');
  if (!existsSync(join(webRoot, 'index.html'))) console.error('[harness] build/web/index.html is missing: run npm run build:web first.');

  // Everything the harness writes (outbox, uploads, and the database unless --db) goes in one temp folder.
  const tempDir = mkdtempSync(join(tmpdir(), 'trialledger-harness-'));
  const dbPath = args.dbPath ?? join(tempDir, 'trialledger.db');
  const db = openStore({ path: dbPath, key: args.key });
  const backend = createBackend({ db, dbPath, key: args.key, dataDir: tempDir, host: 'browser-harness', keyProtection: 'passphrase', version: readVersion(root), jobMode: 'worker' });
  if (args.demo) await loadDemoIfEmpty(db, join(root, 'assets', 'demo'));

  const server = createHarnessServer({ backend, webRoot, uploadDir: join(tempDir, 'uploads') });
  server.listen(args.port, '127.0.0.1');
  await once(server, 'listening');
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);

  const shutdown = (): void => {
    server.closeAllConnections();
    server.close(() => {
      db.close();
      rmSync(tempDir, { recursive: true, force: true });
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`[harness] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
