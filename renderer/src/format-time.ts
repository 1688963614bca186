/** Timestamps as the coordinator reads them. */

/** `2025-03-14T15:04:05.000Z` -> local `Mar 14, 2025, 3:04 PM`; the text itself when it is not a timestamp. */
export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
