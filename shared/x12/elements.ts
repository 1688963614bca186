/**
 * Typed reads of segment elements. X12 numbers are decimal text ("127.8", "-9.00", "6"), read here
 * straight into integer cents without floating point; dates are CCYYMMDD, turned into ISO dates.
 * Every failure is an X12SyntaxError naming the segment and the element (never its value: elements
 * may hold PHI such as account numbers or names).
 */
import { isIsoDate } from '../domain/dates.ts';
import { X12SyntaxError } from './errors.ts';
import type { X12Segment } from './tokenizer.ts';

const DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/;
/** 13 digits of dollars keep every amount in cents a safe integer (below 2^53). */
const MAX_INTEGER_DIGITS = 13;

/**
 * Parses X12 decimal text into integer cents; null when it is not an amount representable in cents.
 * The same grammar as DECIMAL (optional '-', digits, optional '.' and digits, at least one digit), read
 * by character codes: a large file has a million amounts.
 */
export function parseX12Cents(text: string): number | null {
  const length = text.length;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const negative = i === 1;
  let whole = 0;
  const wholeStart = i;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x30 || code > 0x39) break;
    whole = whole * 10 + (code - 0x30);
  }
  const wholeDigits = i - wholeStart;
  let fraction = 0;
  let fractionDigits = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 0x2e) return null;
    for (i += 1; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x30 || code > 0x39) return null;
      // Sub-cent digits are only acceptable when they are zeros ("12.500"); anything else is not money.
      if (fractionDigits < 2) fraction = fraction * 10 + (code - 0x30);
      else if (code !== 0x30) return null;
      fractionDigits += 1;
    }
  }
  if (wholeDigits === 0 && fractionDigits === 0) return null;
  if (wholeDigits > MAX_INTEGER_DIGITS) return null;
  const cents = whole * 100 + (fractionDigits === 1 ? fraction * 10 : fraction);
  return negative && cents !== 0 ? -cents : cents;
}

/** Parses an X12 decimal quantity (units, days); null when it is not a number. */
export function parseX12Quantity(text: string): number | null {
  const match = DECIMAL.exec(text);
  if (!match || ((match[2] ?? '') === '' && (match[3] ?? '') === '')) return null;
  // An R element has at most 15 digits [X12 data element types]: longer is garbage, not a count
  // (400 digits read as Infinity, which SQLite stores as a REAL).
  if ((match[2] ?? '').length + (match[3] ?? '').length > 15) return null;
  return Number(text);
}

/** CCYYMMDD to an ISO date; null when it is not a real calendar date. */
export function parseX12Date(text: string): string | null {
  if (!/^\d{8}$/.test(text)) return null;
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  return isIsoDate(iso) ? iso : null;
}

/** Typed element access for one segment; `name(i)` is `CLP03` style for messages. */
export class SegmentReader {
  readonly segment: X12Segment;
  readonly #onNotice: (notice: string) => void;

  /** `onNotice` receives findings that do not stop the import (an impossible date, say). */
  constructor(segment: X12Segment, onNotice: (notice: string) => void = () => {}) {
    this.segment = segment;
    this.#onNotice = onNotice;
  }

  get id(): string {
    return this.segment.id;
  }

  fail(detail: string): never {
    throw new X12SyntaxError('BAD_ELEMENT', this.segment.number, this.segment.id, detail);
  }

  #name(index: number): string {
    return `${this.segment.id}${String(index).padStart(2, '0')}`;
  }

  /** The trimmed element text, or null when absent or empty. */
  text(index: number): string | null {
    const value = this.segment.elements[index]?.trim();
    return value ? value : null;
  }

  required(index: number): string {
    const value = this.text(index);
    if (value === null) this.fail(`required element ${this.#name(index)} is missing`);
    return value;
  }

  cents(index: number): number {
    const value = this.optionalCents(index);
    if (value === null) this.fail(`required amount ${this.#name(index)} is missing`);
    return value;
  }

  optionalCents(index: number): number | null {
    const text = this.text(index);
    if (text === null) return null;
    const cents = parseX12Cents(text);
    if (cents === null) this.fail(`${this.#name(index)} is not a decimal amount in dollars and cents`);
    return cents;
  }

  quantity(index: number): number | null {
    const text = this.text(index);
    if (text === null) return null;
    const value = parseX12Quantity(text);
    if (value === null) this.fail(`${this.#name(index)} is not a decimal number of at most 15 digits`);
    return value;
  }

  /**
   * A CCYYMMDD date, or null. An impossible date is a notice, not a refusal: real payers send them
   * (the LinuxForHealth managed-care sample has BPR16 = 20002316) and the payment is still real.
   * The notice does not repeat the value: a date of service is PHI.
   */
  date(index: number): string | null {
    const text = this.text(index);
    if (text === null) return null;
    const iso = parseX12Date(text);
    if (iso === null) this.#onNotice(`segment ${this.segment.number} (${this.segment.id}): ${this.#name(index)} is not a real CCYYMMDD date; it was left empty`);
    return iso;
  }

  /**
   * Splits a composite element. The component separator is ISA16, but some payers write SVC01 with
   * '>' while declaring ':' (two LinuxForHealth samples do) [BRIEF 4.4]; so when the declared one is
   * absent from the element, ':' and then '>' are tried. A code never contains either character.
   */
  composite(index: number): string[] {
    const text = this.text(index);
    if (text === null) return [];
    const declared = this.segment.delimiters.component;
    for (const separator of [declared, ':', '>']) {
      if (separator && text.includes(separator)) return text.split(separator).map((part) => part.trim());
    }
    return [text];
  }
}
