/**
 * Maps a URL path to a file inside a folder, refusing anything that would leave it: the desktop
 * shell's app:// protocol and the browser harness serve the renderer through it.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Resolves the (still percent-encoded) URL `pathname` inside `root`; `/` means `index.html`.
 * Returns null for a path that escapes `root` (`..`, encoded `%2e%2e%2f`, backslashes on Windows,
 * another drive), contains a NUL byte, or is not valid percent-encoding.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const full = resolve(root, rel);
  const back = relative(root, full);
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) return null;
  return full;
}
