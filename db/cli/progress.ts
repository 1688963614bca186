/**
 * Progress on stderr for long operations: an updating line on a terminal, an occasional plain line
 * when stderr is a file or a pipe (CI logs), nothing for short runs.
 */
import type { CliIo } from './io.ts';

export function progressReporter(io: CliIo, label: string): { update(text: string): void; done(): void } {
  const tty = io.stderr.isTTY === true;
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update(text) {
      const now = Date.now();
      // Quiet for the first second (small imports), then every 0.2 s on a terminal, every 5 s in a log.
      if (now - started < 1_000 || now - last < (tty ? 200 : 5_000)) return;
      last = now;
      shown = true;
      io.stderr.write(tty ? `\r\u001b[2K${label}: ${text}` : `${label}: ${text}\n`);
    },
    done() {
      if (shown && tty) io.stderr.write('\n');
    },
  };
}
