/**
 * Turns the queue's key presses and clicks into selection changes, dialogs and decisions. Dismiss
 * and assign open a dialog first; confirm, fix and reopen act at once on the selection (or the
 * current row when nothing is selected).
 */
import { useCallback, useState, type KeyboardEvent } from 'react';
import type { Decision } from '../use-finding-actions.ts';
import { commandForKey, isTypingTarget, type QueueCommand } from './keyboard-map.ts';
import { actionTargets, clearSelection, clickRow, moveFocus, selectAll, toggleRow, type Selection } from './selection.ts';
import type { FindingPages } from './use-finding-pages.ts';

export type QueueDialog = { readonly kind: 'dismiss'; readonly ids: readonly number[] } | { readonly kind: 'assign'; readonly ids: readonly number[] } | { readonly kind: 'help' } | null;

export interface QueueKeysOptions {
  readonly pages: FindingPages;
  readonly selection: Selection;
  readonly setSelection: (update: (s: Selection) => Selection) => void;
  readonly decide: (ids: readonly number[], decision: Decision) => Promise<boolean>;
  readonly onOpen: (index: number) => void;
  readonly focusFilters: () => void;
}

export function useQueueKeys({ pages, selection, setSelection, decide, onOpen, focusFilters }: QueueKeysOptions) {
  const [dialog, setDialog] = useState<QueueDialog>(null);
  const total = pages.total ?? 0;
  const idAt = useCallback((index: number) => pages.rowAt(index)?.id, [pages]);

  const afterDecision = useCallback((ok: boolean) => {
    if (ok) setSelection((s) => clearSelection(s));
  }, [setSelection]);

  const run = useCallback(
    (command: QueueCommand): void => {
      switch (command.kind) {
        case 'move':
          setSelection((s) => moveFocus(s, s.focus + command.by, total, command.extend, idAt));
          return;
        case 'move-to':
          setSelection((s) => moveFocus(s, command.where === 'first' ? 0 : total - 1, total, command.extend, idAt));
          return;
        case 'toggle-select':
          setSelection((s) => toggleRow(s, s.focus, idAt));
          return;
        case 'select-all-loaded':
          setSelection((s) => selectAll(s, pages.loaded().map((r) => r.id)));
          return;
        case 'clear-selection':
          setSelection((s) => clearSelection(s));
          return;
        case 'open':
          if (idAt(selection.focus) !== undefined) onOpen(selection.focus);
          return;
        case 'set-status':
          void decide(actionTargets(selection, idAt), { kind: 'status', status: command.status }).then(afterDecision);
          return;
        case 'dismiss':
        case 'assign': {
          const ids = actionTargets(selection, idAt);
          if (ids.length > 0) setDialog({ kind: command.kind, ids });
          return;
        }
        case 'focus-filter':
          focusFilters();
          return;
        case 'help':
          setDialog({ kind: 'help' });
      }
    },
    [total, idAt, setSelection, pages, selection, onOpen, decide, afterDecision, focusFilters],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>): void => {
      if (isTypingTarget(event.target) && event.target !== event.currentTarget) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      run(command);
    },
    [run],
  );

  const onRowClick = useCallback((index: number, modifiers: { shift: boolean; toggle: boolean }) => setSelection((s) => clickRow(s, index, modifiers, idAt)), [setSelection, idAt]);
  const onToggle = useCallback((index: number) => setSelection((s) => toggleRow(s, index, idAt)), [setSelection, idAt]);

  const dismiss = useCallback(
    (reason: string) => {
      if (dialog?.kind !== 'dismiss') return;
      setDialog(null);
      void decide(dialog.ids, { kind: 'status', status: 'dismissed', reason }).then(afterDecision);
    },
    [dialog, decide, afterDecision],
  );
  const assign = useCallback(
    (assignee: string | null) => {
      if (dialog?.kind !== 'assign') return;
      setDialog(null);
      void decide(dialog.ids, { kind: 'assign', assignee }).then(afterDecision);
    },
    [dialog, decide, afterDecision],
  );
  return { dialog, setDialog, run, onKeyDown, onRowClick, onToggle, dismiss, assign };
}
