/**
 * The coordinator's decisions (confirm, dismiss with a reason, fix, reopen, assign) on a set of
 * findings, shared by the queue and the detail: each calls the backend, announces what changed
 * (polite live region), and tells the caller to refresh.
 */
import { useCallback, useState } from 'react';
import { formatCount } from '../../../../shared/domain/format.ts';
import { useApi } from '../../api-context.tsx';

export type Decision = { readonly kind: 'status'; readonly status: 'confirmed' | 'fixed' | 'open' | 'dismissed'; readonly reason?: string } | { readonly kind: 'assign'; readonly assignee: string | null };

const PAST: Record<'confirmed' | 'fixed' | 'open' | 'dismissed', string> = { confirmed: 'confirmed', fixed: 'marked fixed', open: 'reopened', dismissed: 'dismissed' };

/** One sentence for what a decision did. */
export function describeDecision(decision: Decision, updated: number, asked: number): string {
  const noun = (n: number): string => `${formatCount(n)} ${n === 1 ? 'finding' : 'findings'}`;
  const unchanged = asked - updated;
  const rest = unchanged > 0 ? ` (${noun(unchanged)} already so)` : '';
  if (decision.kind === 'assign') return `${noun(updated)} ${decision.assignee ? `assigned to ${decision.assignee}` : 'unassigned'}${rest}.`;
  return `${noun(updated)} ${PAST[decision.status]}${rest}.`;
}

export interface FindingActions {
  /** The last outcome, for the live region. */
  readonly message: { readonly kind: 'ok' | 'error'; readonly text: string } | null;
  readonly busy: boolean;
  /** Applies a decision; resolves to whether it succeeded. */
  readonly decide: (ids: readonly number[], decision: Decision) => Promise<boolean>;
}

export function useFindingActions(onChanged: () => void): FindingActions {
  const api = useApi();
  const [message, setMessage] = useState<FindingActions['message']>(null);
  const [busy, setBusy] = useState(false);
  const decide = useCallback(
    async (ids: readonly number[], decision: Decision): Promise<boolean> => {
      if (ids.length === 0) return false;
      setBusy(true);
      try {
        const { updated } =
          decision.kind === 'assign'
            ? await api.findingsAssign({ ids: [...ids], assignee: decision.assignee })
            : await api.findingsSetStatus({ ids: [...ids], status: decision.status, ...(decision.reason ? { reason: decision.reason } : {}) });
        setMessage({ kind: 'ok', text: describeDecision(decision, updated, ids.length) });
        onChanged();
        return true;
      } catch (error) {
        setMessage({ kind: 'error', text: error instanceof Error ? error.message : 'The change could not be saved.' });
        return false;
      } finally {
        setBusy(false);
      }
    },
    [api, onChanged],
  );
  return { message, busy, decide };
}
