/**
 * The one SQL test of "this denial still stands": not resolved (paid, or closed by the coordinator)
 * and not superseded by the payer's reprocessing of its claim. Every query that looks for running
 * denials (payments, superseding, re-triage, deadlines, the queue) uses it, so a new way for a
 * denial to stop standing is added in one place (a payment once resolved superseded denials too).
 */

/** The condition for the denials table under `alias` ('' when the query does not alias it). */
export function stillStanding(alias = 'd'): string {
  const p = alias === '' ? '' : `${alias}.`;
  return `${p}resolution_date IS NULL AND ${p}superseded_date IS NULL`;
}
