/** What importing one 835 file did, in a shape the CLI prints and the UI shows (no PHI). */
import type { X12ErrorCode } from '../x12/errors.ts';
import type { Imbalance835 } from '../x12/model.ts';

export interface RemitImportCounts {
  readonly segments: number;
  readonly transactions: number;
  readonly claims: number;
  readonly lines: number;
  /** Sum of BPR02 over the transactions (a debit counts negative). */
  readonly totalPaidCents: number;
  /** Sum of CLP04 over the claims. */
  readonly claimPaidCents: number;
  readonly imbalances: number;
  /** Service lines linked to a charge, and reversal pairs found, by this import. */
  readonly linkedLines: number;
  readonly reversalsPaired: number;
}

export interface RemitRefusal {
  readonly code: X12ErrorCode | 'UNREADABLE';
  readonly message: string;
  readonly segmentNumber: number | null;
  readonly segmentId: string | null;
}

/** Up to this many imbalances travel in the outcome; all of them are stored. */
export const MAX_REPORTED_IMBALANCES = 200;

export type RemitImportOutcome =
  | {
      readonly status: 'imported';
      readonly fileId: number;
      readonly batchId: number;
      readonly sha256: string;
      readonly counts: RemitImportCounts;
      readonly imbalances: readonly Imbalance835[];
      readonly notices: readonly string[];
      readonly elapsedMs: number;
    }
  | {
      readonly status: 'unchanged';
      readonly sha256: string;
      readonly previous: { readonly fileId: number; readonly batchId: number; readonly importedAt: string };
      readonly elapsedMs: number;
    }
  | { readonly status: 'refused'; readonly error: RemitRefusal; readonly elapsedMs: number }
  | { readonly status: 'cancelled'; readonly elapsedMs: number };
