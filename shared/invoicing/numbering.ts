/**
 * Document numbers: `INV-{study}-{year}-{seq}` for invoices (holdback release invoices included) and
 * `CM-{study}-{year}-{seq}` for credit memos, the sequence counted per study, kind and year of issue
 * and zero-padded to three digits. The shape follows BRIEF section 3 "Invoice numbering" (design note:
 * INV-{studyId}-{YYYY}-{seq}, never reused; credit memos as separately numbered documents; SiteVault
 * auto-numbers invoices, SV-INV). Numbers are given only at issue and never reused (db/invoicing/numbering.ts).
 */

/** Invoice (INV) or credit memo (CM) sequence. */
export type NumberKind = 'INV' | 'CM';

/** Digits the sequence is padded to; longer sequences simply grow. */
export const SEQ_DIGITS = 3;

/** The prefix shared by every number of a study, kind and year: `INV-NSCLC-301-2026-`. */
export function numberPrefix(kind: NumberKind, studyId: string, year: number): string {
  return `${kind}-${studyId}-${year}-`;
}

/** `INV-NSCLC-301-2026-007`. */
export function formatDocumentNumber(kind: NumberKind, studyId: string, year: number, seq: number): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`invoice sequence must be a positive integer, got ${seq}`);
  return `${numberPrefix(kind, studyId, year)}${String(seq).padStart(SEQ_DIGITS, '0')}`;
}

/**
 * The sequence number of `number` when it has the given prefix followed only by digits, else null.
 * Used to start a study's sequence after the numbers of invoices imported from before TrialLedger
 * (the demo's `INV-NSCLC-301-2025-12` makes the next one `INV-NSCLC-301-2025-013`).
 */
export function sequenceOf(number: string, prefix: string): number | null {
  if (!number.startsWith(prefix)) return null;
  const rest = number.slice(prefix.length);
  if (!/^\d{1,9}$/.test(rest)) return null;
  return Number(rest);
}
