/**
 * Starts the browser harness as a child process and resolves once it listens: for the screenshot
 * script and for end-to-end specs that need a database of their own (a fresh one, or the demo). The
 * build folder comes from TRIALLEDGER_WEB_OUT as for the harness itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findRepoRoot } from './repo-root.ts';

export interface SpawnedHarness {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Stops the harness (SIGTERM: it closes its database and deletes its temporary folder). */
  readonly stop: () => Promise<void>;
}

export interface SpawnHarnessOptions {
  /** Load the demo study package (default false: an empty database). */
  readonly demo?: boolean;
  /** Milliseconds to wait for `listening on`. */
  readonly timeoutMs?: number;
}

/** Spawns `node scripts/harness/serve.ts --port 0 [--demo]` and waits for its address. */
export async function spawnHarness(options: SpawnHarnessOptions = {}): Promise<SpawnedHarness> {
  const root = findRepoRoot(import.meta.dirname);
  const args = [join(root, 'scripts', 'harness', 'serve.ts'), '--port', '0', ...(options.demo ? ['--demo'] : [])];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
  const errors: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => errors.push(chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the harness did not start within ${options.timeoutMs ?? 60_000} ms: ${errors.join('')}`)), options.timeoutMs ?? 60_000);
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the harness exited (${code ?? 'signal'}) before listening: ${errors.join('')}`));
    });
  });
  return { url, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}
