/**
 * Writes generated text to a file through a 1 MiB buffer, waiting when the disk falls behind, so the
 * benchmark generators write hundreds of megabytes with flat memory and few system calls.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class BufferedFileWriter {
  readonly #out: WriteStream;
  #buffer = '';

  constructor(path: string) {
    this.#out = createWriteStream(path);
  }

  /** Appends text; writes the buffer out once it passes 1 MiB. */
  async write(text: string): Promise<void> {
    this.#buffer += text;
    if (this.#buffer.length <= FLUSH_AT) return;
    const chunk = this.#buffer;
    this.#buffer = '';
    if (!this.#out.write(chunk)) await once(this.#out, 'drain');
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    this.#out.end(this.#buffer);
    this.#buffer = '';
    await once(this.#out, 'finish');
  }
}
