/**
 * Dates are ISO calendar dates (`YYYY-MM-DD`) with no time zone: a service date is a day, not an instant.
 * Arithmetic goes through UTC day numbers so it never shifts with the machine's zone or DST.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const validDates = new Set<string>();

/** True when the text is a real calendar date in `YYYY-MM-DD` form (rejects 2024-02-30). */
export function isIsoDate(text: string): boolean {
  // Imports check millions of service dates drawn from a few hundred distinct days: remember the good ones.
  if (validDates.has(text)) return true;
  const valid = toDayNumber(text) !== null;
  if (valid && validDates.size < 100_000) validDates.add(text);
  return valid;
}

const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 for an ISO date, or null when the text is not a real date. */
export function toDayNumber(text: string): number | null {
  // Engines convert millions of dates drawn from a few thousand distinct days: remember them.
  const known = dayNumbers.get(text);
  if (known !== undefined) return known;
  const n = computeDayNumber(text);
  if (n !== null && dayNumbers.size < 100_000) dayNumbers.set(text, n);
  return n;
}

function computeDayNumber(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Adds whole days to an ISO date (negative to go back). Throws on an invalid date: callers validate first. */
export function addDays(isoDate: string, days: number): string {
  const n = toDayNumber(isoDate);
  if (n === null) throw new RangeError(`not an ISO date: ${isoDate}`);
  return fromDayNumber(n + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (a === null || b === null) throw new RangeError(`not an ISO date: ${a === null ? from : to}`);
  return b - a;
}

/** Adds calendar months (clamping to the month's last day), for deadlines such as "12 months from the date of service". */
export function addMonths(isoDate: string, months: number): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match || toDayNumber(isoDate) === null) throw new RangeError(`not an ISO date: ${isoDate}`);
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today's date as ISO in UTC; domain code takes `today` as an argument so tests can fix the clock. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Converts an Excel date serial (days since 1899-12-30, as a workbook stores a date cell whose
 * format the reader could not see) to an ISO date; null outside 1950-2149, where a number in a date
 * column is more likely a mistake than a date.
 */
export function excelSerialToIso(text: string): string | null {
  if (!/^\d{5}(\.0+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 18_264 || serial > 91_315) return null;
  return fromDayNumber(serial - 25_569);
}
