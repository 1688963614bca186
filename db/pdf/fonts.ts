/**
 * Where the document fonts live and how they are read. Every PDF embeds DejaVu Sans (a subset of it)
 * rather than a PDF standard font: the standard fonts only cover WinAnsi, so a patient or site name
 * with a character outside it would crash pdf-lib, and an embedded font renders the same in every
 * viewer. The TTF files ship in assets/fonts/ (WOFF2 is broken in pdf-lib, so TTF only).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The raw font files a document embeds. Load them once with {@link loadFontFiles} and share them. */
export interface FontFiles {
  /** TrueType bytes of the regular face (DejaVu Sans). */
  readonly regular: Uint8Array;
  /** TrueType bytes of the bold face (DejaVu Sans Bold). */
  readonly bold: Uint8Array;
}

/** File names inside the font directory. */
export const FONT_FILE_NAMES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

/**
 * How many directories to climb from this module looking for assets/fonts. Sources sit at
 * db/pdf/ (2 levels below the root), the tsc build at build/node/db/pdf/ (4 levels); a little slack
 * covers other bundler layouts without scanning the whole disk.
 */
const MAX_LEVELS_UP = 6;

/**
 * Finds the font directory. An explicit `fontDir` wins (the packaged Electron app passes
 * `join(process.resourcesPath, 'fonts')`, because there the assets are not next to the code);
 * otherwise the first `assets/fonts` containing DejaVuSans.ttf above this module, which works both
 * from the sources and from the tsc build in build/node/.
 *
 * @throws Error when no directory is found (a packaging mistake, not a user error).
 */
export function resolveFontDir(fontDir?: string): string {
  if (fontDir !== undefined) return resolve(fontDir);
  // The packaged desktop app ships the fonts as a resource outside the asar and says where (electron/main.ts).
  const fromEnv = process.env.TRIALLEDGER_FONT_DIR;
  if (fromEnv) return resolve(fromEnv);
  const here = dirname(fileURLToPath(import.meta.url));
  const found = findFontDir(here);
  if (found === null) throw new Error(`PDF fonts not found: no assets/fonts/${FONT_FILE_NAMES.regular} above ${here}; pass fontDir`);
  return found;
}

/**
 * The first `assets/fonts` holding DejaVuSans.ttf in `startDir` or up to 6 directories above it, or
 * null. Exported for tests of the source and build layouts.
 */
export function findFontDir(startDir: string): string | null {
  let dir = resolve(startDir);
  for (let level = 0; level <= MAX_LEVELS_UP; level++) {
    const candidate = join(dir, 'assets', 'fonts');
    if (existsSync(join(candidate, FONT_FILE_NAMES.regular))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}

/**
 * Reads the regular and bold TTF files. For a batch (one invoice per sponsor, ...) call this once and
 * pass the result as `fonts` to every {@link createPdfDocument}: the bytes are only read, never
 * modified, so sharing them is safe; each document still embeds its own subset.
 *
 * @param fontDir explicit directory (packaged app); default: found by {@link resolveFontDir}.
 * @throws Error when the directory or a font file is missing (a packaging mistake).
 */
export async function loadFontFiles(fontDir?: string): Promise<FontFiles> {
  const dir = resolveFontDir(fontDir);
  try {
    const [regular, bold] = await Promise.all([
      readFile(join(dir, FONT_FILE_NAMES.regular)),
      readFile(join(dir, FONT_FILE_NAMES.bold)),
    ]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  } catch (error) {
    throw new Error(`PDF fonts not readable in ${dir} (${FONT_FILE_NAMES.regular}, ${FONT_FILE_NAMES.bold})`, { cause: error });
  }
}
