/** The browser's stand-in for the native open dialog: a hidden file input. */

const IMPORTABLE = /\.(csv|xlsx)$/i;

/**
 * Opens the file chooser (must run within the user's click) and resolves to the chosen CSV/XLSX
 * files, or [] when the user cancels. `folder` picks a directory and keeps its top-level files.
 */
export function pickFiles(mode: 'files' | 'folder'): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.csv,.xlsx';
    input.hidden = true;
    if (mode === 'folder') input.webkitdirectory = true;
    const finish = (files: File[]): void => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => {
      const chosen = [...(input.files ?? [])];
      // webkitRelativePath is `folder/file.csv` for a top-level file of the chosen folder.
      finish(chosen.filter((f) => IMPORTABLE.test(f.name) && (mode === 'files' || f.webkitRelativePath.split('/').length === 2)));
    });
    input.addEventListener('cancel', () => finish([]));
    document.body.append(input);
    input.click();
  });
}
