import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { loadFontFiles } from '../../db/pdf/fonts.ts';
import { FontFace, wrapText } from '../../db/pdf/text.ts';

/** One unit per character: makes wrap results easy to state. */
const mono = (s: string): number => Array.from(s).length;

describe('wrapText', () => {
  it('wraps on spaces, greedily, collapsing runs of spaces', () => {
    expect(wrapText('aaa bbb   ccc dd', 7, mono)).toEqual(['aaa bbb', 'ccc dd']);
  });

  it('keeps explicit newlines, including empty lines', () => {
    expect(wrapText('one\n\ntwo three', 20, mono)).toEqual(['one', '', 'two three']);
  });

  it('cuts a word longer than the line, never exceeding the width', () => {
    const lines = wrapText('x'.repeat(25), 10, mono);
    expect(lines).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
  });

  it('prefers cutting a long word after punctuation', () => {
    expect(wrapText('abcdefg-hijklmnop', 10, mono)).toEqual(['abcdefg-', 'hijklmnop']);
    expect(wrapText('https://example.com/claims/CLM-1', 12, mono)).toEqual(['https://', 'example.com/', 'claims/CLM-1']);
  });

  it('puts at least one character per line even when nothing fits', () => {
    expect(wrapText('abc', 0.5, mono)).toEqual(['a', 'b', 'c']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrapText('', 10, mono)).toEqual(['']);
  });
});

describe('FontFace', () => {
  async function face(): Promise<FontFace> {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const font = await doc.embedFont((await loadFontFiles()).regular, { subset: true, features: { liga: false } });
    return new FontFace(font);
  }

  it('replaces characters the font lacks with ? and drops control and invisible characters', async () => {
    const f = await face();
    expect(f.clean('Zoë Ünal — café ½')).toBe('Zoë Ünal — café ½');
    expect(f.clean('中 \u{1F9EC} \uD800')).toBe('? ? ?');
    expect(f.clean('a\u0000b\u200Bc\u00ADd\tx\r\ny')).toBe('abcd x\ny');
  });

  it('composes combining accents (NFC) before checking the font', async () => {
    const f = await face();
    expect(f.clean('Jose\u0301')).toBe('José');
  });

  it('measures like pdf-lib does', async () => {
    const f = await face();
    const text = 'Invoice INV-2025-0042: $48,215.00';
    expect(f.width(text, 10)).toBeCloseTo(f.font.widthOfTextAtSize(text, 10), 6);
  });
});
