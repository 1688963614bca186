/**
 * Why a file operation failed, in words a coordinator reads ("it is a folder, not a file") instead
 * of the system's code (EISDIR). Never quotes the path: the caller names the file as the user gave
 * it, and the system's message carries the full path (which may hold a user name).
 */

/** The failure's reason for the common codes, the code itself otherwise. */
export function fileErrorReason(error: unknown, notFound = 'no such file or folder'): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return notFound;
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'its links form a loop';
    default:
      return typeof code === 'string' ? code : 'I/O error';
  }
}
