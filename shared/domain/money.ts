/**
 * Money is integer cents everywhere; percentages are integer basis points (1 % = 100 bp).
 * Floats never hold an amount: parsing goes from text straight to integers.
 */

/** Largest amount we accept (one billion dollars), far below Number.MAX_SAFE_INTEGER once multiplied by a rate. */
export const MAX_CENTS = 100_000_000_000;

const DOLLARS = /^(-)?\$?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/;

/**
 * Parses a dollar amount such as `1234.56`, `1,234.5`, `$12` or `.50` into integer cents.
 * Returns null when the text is not an amount; more than two decimals is not an amount.
 */
export function parseDollarsToCents(text: string): number | null {
  const match = DOLLARS.exec(text.trim());
  if (!match || (match[2] === undefined && match[3] === undefined)) return null;
  const whole = Number((match[2] ?? '0').replaceAll(',', ''));
  const fraction = Number((match[3] ?? '0').padEnd(2, '0'));
  const cents = whole * 100 + fraction;
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return null;
  return match[1] ? -cents : cents;
}

/**
 * Why parseDollarsToCents refuses `text`, worded to follow the quoted text in a message
 * (`'2000000000' is above the maximum amount of $1,000,000,000.00`); null when it is an amount. A
 * well-formed amount that is too large is told apart from text that is no amount at all.
 */
export function dollarsRefusal(text: string): string | null {
  const match = DOLLARS.exec(text.trim());
  if (!match || (match[2] === undefined && match[3] === undefined)) return 'is not an amount in dollars such as 1234.56';
  if (parseDollarsToCents(text) === null) return `is above the maximum amount of ${formatCents(MAX_CENTS)}`;
  return null;
}

/** Formats cents as dollars, `-$1,234.56` style, for documents and screens. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

/** Formats cents as a plain decimal (`1234.56`) for CSV and spreadsheet cells. */
export function centsToDecimalString(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/;

/** Parses `26`, `26.5` or `26.25%` into basis points (2600, 2650, 2625); null when not a percentage in [0, 100]. */
export function parsePercentToBasisPoints(text: string): number | null {
  const match = PERCENT.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** Formats basis points as a percentage string (`26.5%`). */
export function formatBasisPoints(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/**
 * Applies a rate in basis points to an amount in cents, rounding half away from zero to the cent,
 * which is how a finance office rounds a percentage line on an invoice.
 */
export function applyBasisPoints(cents: number, bp: number): number {
  const product = Math.abs(cents) * bp;
  const rounded = Math.floor((product + 5_000) / 10_000);
  return cents < 0 ? -rounded : rounded;
}
