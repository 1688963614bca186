/** Number formatting shared by documents, the CLI and the UI (en-US, as US billing offices read them). */

/** `1234567` -> `1,234,567`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share as a percentage with one decimal: `0.1234` -> `12.3%`. */
export function formatShare(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
