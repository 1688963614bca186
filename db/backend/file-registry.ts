/**
 * Files the user chose, known to the renderer only by id. The shell registers a path after a native
 * dialog or a drop (desktop) or an upload (browser harness); handlers resolve ids back to paths. The
 * renderer can therefore never make the backend read a path it typed.
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef } from '../../shared/contract/imports.ts';
import { UserError } from './user-error.ts';

interface Registered {
  readonly path: string;
  readonly name: string;
  readonly byteSize: number;
}

export class FileRegistry {
  private readonly files = new Map<string, Registered>();

  /** Registers a path chosen by the user through the shell; returns the id the renderer will use. */
  register(path: string, name = basename(path)): FileRef {
    const fileId = `f${randomBytes(12).toString('hex')}`;
    const byteSize = statSync(path).size;
    this.files.set(fileId, { path, name, byteSize });
    return { fileId, name, byteSize };
  }

  resolve(fileId: string): Registered {
    const file = this.files.get(fileId);
    if (!file) throw new UserError('FILE_UNKNOWN', 'That file is no longer available; choose it again.');
    return file;
  }
}
