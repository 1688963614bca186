/** Runs a command or a Node script in a child process and measures wall time and peak memory. */
import { spawn } from 'node:child_process';

export interface Measurement {
  readonly seconds: number;
  /** Peak resident memory of the child in MB (Linux ru_maxrss), null when unknown. */
  readonly peakMb: number | null;
  readonly stdout: string;
}

/**
 * Runs `command` with `args` and measures it with GNU time-like precision: wall clock from spawn to
 * exit, peak RSS from the kernel's accounting of the child (getrusage of children via /usr/bin/env
 * is not portable, so a Node child reports its own maxRSS on stdout as `PEAK_RSS_KB=`).
 */
export function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) {
        reject(new Error(`${command} exited ${code}`));
        return;
      }
      const peak = /PEAK_RSS_KB=(\d+)/.exec(stdout);
      resolve({ seconds, peakMb: peak ? Number(peak[1]) / 1024 : null, stdout });
    });
  });
}
