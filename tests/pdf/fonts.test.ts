import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FONT_FILE_NAMES, findFontDir, loadFontFiles, resolveFontDir } from '../../db/pdf/fonts.ts';

const repoFonts = resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/fonts');
const scratch = mkdtempSync(join(tmpdir(), 'trialledger-fonts-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('font location', () => {
  it('finds assets/fonts from the sources', () => {
    expect(resolveFontDir()).toBe(repoFonts);
  });

  it('finds assets/fonts from the tsc build layout (build/node/db/pdf)', () => {
    const root = join(scratch, 'app');
    mkdirSync(join(root, 'assets', 'fonts'), { recursive: true });
    mkdirSync(join(root, 'build', 'node', 'db', 'pdf'), { recursive: true });
    copyFileSync(join(repoFonts, FONT_FILE_NAMES.regular), join(root, 'assets', 'fonts', FONT_FILE_NAMES.regular));
    expect(findFontDir(join(root, 'build', 'node', 'db', 'pdf'))).toBe(join(root, 'assets', 'fonts'));
  });

  it('returns null rather than searching the whole disk', () => {
    const deep = join(scratch, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h');
    mkdirSync(deep, { recursive: true });
    expect(findFontDir(deep)).toBeNull();
  });

  it('uses an explicit fontDir (packaged app: resourcesPath/fonts)', async () => {
    const files = await loadFontFiles(repoFonts);
    expect(files.regular.byteLength).toBeGreaterThan(100_000);
    expect(files.bold.byteLength).toBeGreaterThan(100_000);
  });

  it('fails clearly when the fonts are not where it was told', async () => {
    await expect(loadFontFiles(join(scratch, 'nowhere'))).rejects.toThrow(/PDF fonts not readable in .*nowhere/);
  });
});
