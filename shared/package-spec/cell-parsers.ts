/**
 * Cell parsers for the study package: each turns the raw text of one cell into a typed value or a
 * reason a coordinator can act on. They are pure so the importer, the mapping preview in the UI and
 * the docs all agree on what a valid cell is.
 */
import { isIsoDate } from '../domain/dates.ts';
import { dollarsRefusal, parseDollarsToCents, parsePercentToBasisPoints } from '../domain/money.ts';
import { sanitizeMessageText } from './problems.ts';

export type CellKind =
  | { type: 'text'; maxLength: number; pattern?: RegExp; hint?: string; upper?: boolean }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'date' }
  | { type: 'money' }
  | { type: 'yn' }
  | { type: 'int'; min: number; max: number }
  | { type: 'percent' }
  | { type: 'list'; item: RegExp; hint: string; normalize?: (item: string) => string };

export type CellValue = string | number | boolean | readonly string[] | null;

export type CellResult = { ok: true; value: CellValue } | { ok: false; reason: string };

const ok = (value: CellValue): CellResult => ({ ok: true, value });
const bad = (reason: string): CellResult => ({ ok: false, reason });

/** Shows a cell's text in an error message, shortened so a 2 GB line cannot flood the report. */
export function quoteCell(raw: string): string {
  const text = raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
  // Control and text-reordering characters would garble a terminal or a log line; show them as '?'.
  return `'${sanitizeMessageText(text)}'`;
}

/** What a refusal says instead of a PHI value. */
export const PHI_NOT_SHOWN = 'the value (not shown: PHI)';

const hidePhi = (): string => PHI_NOT_SHOWN;

/**
 * Parses one non-blank cell; with `redact`, a refusal never quotes the value. Blank cells are handled by the caller (required or null), so every
 * parser here sees trimmed, non-empty text.
 */
export function parseCell(kind: CellKind, text: string, redact = false): CellResult {
  // Identifiers such as the MRN are PHI: their value never goes into a message, only what is wrong.
  // The value is left out while the message is built (not scrubbed afterwards, which a quote inside
  // the value would defeat).
  return parseCellText(kind, text, redact);
}

function parseCellText(kind: CellKind, text: string, redact: boolean): CellResult {
  const show = redact ? hidePhi : quoteCell;
  switch (kind.type) {
    case 'text': {
      if (text.length > kind.maxLength) return bad(`longer than ${kind.maxLength} characters`);
      const value = kind.upper ? text.toUpperCase() : text;
      if (kind.pattern && !kind.pattern.test(value)) return bad(`${show(text)} is not ${kind.hint ?? 'valid'}`);
      return ok(value);
    }
    case 'enum': {
      if (kind.values.includes(text)) return ok(text); // the common case: already canonical
      const upper = text.toUpperCase().replace(/[\s-]+/g, '_');
      if (kind.values.includes(upper)) return ok(upper);
      return bad(`${show(text)} is not one of ${kind.values.join(', ')}`);
    }
    case 'date':
      if (isIsoDate(text)) return ok(text);
      return bad(`${show(text)} is not a date in YYYY-MM-DD form`);
    case 'money': {
      const cents = parseDollarsToCents(text);
      if (cents === null) return bad(`${show(text)} ${dollarsRefusal(text) ?? 'is not an amount in dollars such as 1234.56'}`);
      if (cents < 0) return bad(`negative amount ${show(text)}`);
      return ok(cents);
    }
    case 'yn': {
      const upper = text.toUpperCase();
      if (upper === 'Y' || upper === 'YES') return ok(true);
      if (upper === 'N' || upper === 'NO') return ok(false);
      return bad(`${show(text)} is not Y or N`);
    }
    case 'int': {
      if (!/^[+-]?\d{1,9}$/.test(text)) return bad(`${show(text)} is not a whole number`);
      const n = Number(text);
      if (n < kind.min || n > kind.max) return bad(`${redact ? PHI_NOT_SHOWN : n} is outside ${kind.min}..${kind.max}`);
      return ok(n);
    }
    case 'percent': {
      const bp = parsePercentToBasisPoints(text);
      if (bp === null) return bad(`${show(text)} is not a percentage between 0 and 100 such as 26 or 12.5`);
      return ok(bp);
    }
    case 'list': {
      if (text.length <= 8 && !/[;|]/.test(text)) {
        // One item (the common case: a single modifier or diagnosis): no split, no arrays of arrays.
        const item = kind.normalize ? kind.normalize(text) : text.toUpperCase();
        return kind.item.test(item) ? ok([item]) : bad(`${show(item)} is not ${kind.hint}`);
      }
      const items = text
        .split(/[;|]/)
        .map((item) => item.trim())
        .filter((item) => item.length > 0)
        .map((item) => (kind.normalize ? kind.normalize(item) : item.toUpperCase()));
      const wrong = items.find((item) => !kind.item.test(item));
      if (wrong !== undefined) return bad(`${show(wrong)} is not ${kind.hint}`);
      if (items.length > 25) return bad('more than 25 items');
      return ok(items);
    }
  }
}

/** ICD-10-CM codes are stored with their dot (`Z00.6`) whatever the export used (`Z006`), so rules compare one form. */
export function normalizeIcd10(code: string): string {
  const compact = code.toUpperCase().replace(/\./g, '');
  return compact.length > 3 ? `${compact.slice(0, 3)}.${compact.slice(3)}` : compact;
}
