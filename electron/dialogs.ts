/**
 * The shell's own channels: native dialogs. Paths never come from the renderer: the user picks them
 * here, the backend's FileRegistry turns them into opaque file ids, and outputs are copied out of
 * the backend's outbox to where the user chooses.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { copyFile, readdir, stat } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import type { Backend } from '../db/backend/backend.ts';
import { UserError } from '../db/backend/user-error.ts';
import type { Result } from '../shared/contract/index.ts';
import type { FileRef } from '../shared/contract/imports.ts';
import { SHELL_CHANNELS } from './bridge-channels.ts';
import { handleTrusted, type TrustContext } from './trusted-handle.ts';

const IMPORTABLE = /\.(csv|xlsx)$/i;

const chooseFilesInput = z.object({
  /** `files`: pick CSV/XLSX files; `folder`: pick a package folder and take each CSV/XLSX in it. */
  mode: z.enum(['files', 'folder']).default('files'),
  /** `package` (default): CSV/XLSX; `remittance`: 835 files; `pdf`: appeal attachments. */
  kind: z.enum(['package', 'remittance', 'pdf']).default('package'),
});

const FILE_FILTERS: Record<'package' | 'remittance' | 'pdf', { readonly title: string; readonly name: string; readonly extensions: string[] }> = {
  package: { title: 'Choose files to import', name: 'Study package files (CSV, Excel)', extensions: ['csv', 'xlsx'] },
  remittance: { title: 'Choose an 835 remittance', name: 'Remittance advice (835)', extensions: ['835', 'edi', 'era', 'txt', 'x12', 'dat'] },
  pdf: { title: 'Choose PDF files to attach', name: 'PDF documents', extensions: ['pdf'] },
};

const droppedInput = z.object({
  /** Paths the preload read from dropped File objects (webUtils.getPathForFile), never typed by the page. */
  paths: z.array(z.string().min(1).max(4096)).max(50),
});

const saveOutputInput = z.object({
  /** Name of a file in the backend outbox (a bare file name, no folders). */
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => name === basename(name) && !name.includes('\\') && name !== '.' && name !== '..', 'must be a file name'),
});

/** Registers `dialog:choose-files`, `dialog:register-dropped` and `dialog:save-output`. */
export function registerDialogIpc(backend: Backend, trust: TrustContext): void {
  handleTrusted(SHELL_CHANNELS.chooseFiles, trust, (input, window) => run(chooseFilesInput, input, (parsed) => chooseFiles(backend, window, parsed.mode, parsed.kind)));
  handleTrusted(SHELL_CHANNELS.registerDroppedFiles, trust, (input) => run(droppedInput, input, (parsed) => registerDropped(backend, parsed.paths)));
  handleTrusted(SHELL_CHANNELS.saveOutput, trust, (input, window) => run(saveOutputInput, input, (parsed) => saveOutput(backend, window, parsed.fileName)));
}

async function chooseFiles(backend: Backend, window: BrowserWindow, mode: 'files' | 'folder', kind: keyof typeof FILE_FILTERS): Promise<FileRef[]> {
  if (mode === 'folder' && kind === 'package') {
    const picked = await dialog.showOpenDialog(window, { title: 'Choose a study package folder', properties: ['openDirectory'] });
    const folder = picked.canceled ? undefined : picked.filePaths[0];
    if (folder === undefined) return [];
    const entries = await readdir(folder, { withFileTypes: true });
    const files = entries.filter((e) => e.isFile() && IMPORTABLE.test(e.name)).map((e) => e.name);
    if (files.length === 0) throw new UserError('NO_PACKAGE_FILES', 'That folder has no .csv or .xlsx files.');
    return files.sort().map((name) => backend.files.register(join(folder, name)));
  }
  const filter = FILE_FILTERS[kind];
  const picked = await dialog.showOpenDialog(window, {
    title: filter.title,
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: filter.name, extensions: filter.extensions }, ...(kind === 'remittance' ? [{ name: 'All files', extensions: ['*'] }] : [])],
  });
  return picked.canceled ? [] : picked.filePaths.map((path) => backend.files.register(path));
}

/**
 * Registers dropped files: each must be an absolute path to a .csv/.xlsx file, or a folder, whose
 * top-level .csv/.xlsx files are taken (as with the folder dialog). Anything else is skipped.
 */
async function registerDropped(backend: Backend, paths: readonly string[]): Promise<FileRef[]> {
  const refs: FileRef[] = [];
  for (const path of paths) {
    if (!isAbsolute(path)) continue;
    const info = await stat(path).catch(() => null);
    if (info?.isFile() && IMPORTABLE.test(path)) refs.push(backend.files.register(path));
    else if (info?.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      for (const name of entries.filter((e) => e.isFile() && IMPORTABLE.test(e.name)).map((e) => e.name).sort()) refs.push(backend.files.register(join(path, name)));
    }
  }
  return refs;
}

/** Returns false when the user cancels the save dialog. */
async function saveOutput(backend: Backend, window: BrowserWindow, fileName: string): Promise<boolean> {
  const source = join(backend.outboxDir, fileName);
  const found = await stat(source).catch(() => null);
  if (!found?.isFile()) throw new UserError('NO_SUCH_OUTPUT', `${fileName} is no longer available; generate it again.`);
  const picked = await dialog.showSaveDialog(window, { title: 'Save', defaultPath: join(app.getPath('documents'), fileName) });
  if (picked.canceled || !picked.filePath) return false;
  try {
    await copyFile(source, picked.filePath);
  } catch {
    throw new UserError('SAVE_FAILED', `Could not save ${fileName}; check that the folder is writable.`);
  }
  return true;
}

/** Validates, runs, and turns expected failures into a Result (as dispatch does for contract channels). */
async function run<S extends z.ZodType, T>(schema: S, input: unknown, fn: (parsed: z.output<S>) => Promise<T>): Promise<Result<T>> {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: 'Invalid request.' } };
  try {
    return { ok: true, value: await fn(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[dialog] unexpected error: ${error instanceof Error ? error.message : 'non-error thrown'}`);
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the details are in the application log.' } };
  }
}
