/** Timestamps as the coordinator reads them. */

/** `2025-03-14T15:04:05.000Z` -> local `Mar 14, 2025, 3:04 PM`; the text itself when it is not a timestamp. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}

/** Today as an ISO date in the machine's zone (what the coordinator calls today; `toISOString` is UTC, a day ahead on a US evening). */
export function localToday(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
