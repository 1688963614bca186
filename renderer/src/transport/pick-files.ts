/** The browser's stand-in for the native open dialog: a hidden file input. */

import type { FileKind } from './transport.ts';

const ACCEPT: Record<FileKind, { readonly pattern: RegExp; readonly accept: string }> = {
  package: { pattern: /\.(csv|xlsx)$/i, accept: '.csv,.xlsx' },
  // 835 files come with many extensions (.835, .edi, .era, .txt, .x12, .dat) or none.
  remittance: { pattern: /(\.(835|edi|era|txt|x12|dat)|^[^.]+)$/i, accept: '.835,.edi,.era,.txt,.x12,.dat' },
  pdf: { pattern: /\.pdf$/i, accept: '.pdf,application/pdf' },
};

/**
 * Opens the file chooser (must run within the user's click) and resolves to the chosen files of
 * `kind` (CSV/XLSX by default), or [] when the user cancels. `folder` picks a directory and keeps its top-level files.
 */
export function pickFiles(mode: 'files' | 'folder', kind: FileKind = 'package'): Promise<File[]> {
  const importable = ACCEPT[kind].pattern;
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = ACCEPT[kind].accept;
    input.hidden = true;
    if (mode === 'folder') input.webkitdirectory = true;
    const finish = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])];
      // webkitRelativePath is `folder/file.csv` for a top-level file of the chosen folder.
      finish(chosen.filter((f) => importable.test(f.name) && (mode === 'files' || f.webkitRelativePath.split('/').length === 2)));
    });
    input.addEventListener('cancel', () => finish([]));
    document.body.append(input);
    input.click();
  });
}
