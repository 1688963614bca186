/**
 * The work queue's keyboard: one key per action, so a coordinator triages without the mouse.
 * Pure: maps a key event (as plain data) to a command; the queue executes it.
 */

export type QueueCommand =
  | { readonly kind: 'move'; readonly by: number; readonly extend: boolean }
  | { readonly kind: 'move-to'; readonly where: 'first' | 'last'; readonly extend: boolean }
  | { readonly kind: 'toggle-select' }
  | { readonly kind: 'select-all-loaded' }
  | { readonly kind: 'clear-selection' }
  | { readonly kind: 'open' }
  | { readonly kind: 'set-status'; readonly status: 'confirmed' | 'fixed' | 'open' }
  | { readonly kind: 'dismiss' }
  | { readonly kind: 'assign' }
  | { readonly kind: 'focus-filter' }
  | { readonly kind: 'help' };

export interface KeyInput {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

/** Rows a PageUp/PageDown moves. */
export const PAGE_STEP = 10;

/** The shortcuts as the help dialog lists them (keys, then what they do). */
export const SHORTCUTS: readonly { readonly keys: readonly string[]; readonly does: string }[] = [
  { keys: ['j', '↓'], does: 'Next finding' },
  { keys: ['k', '↑'], does: 'Previous finding' },
  { keys: ['Shift + j/k'], does: 'Extend the selection' },
  { keys: ['Home', 'End'], does: 'First or last finding' },
  { keys: ['x', 'Space'], does: 'Select or unselect the finding' },
  { keys: ['Ctrl + a'], does: 'Select every loaded finding' },
  { keys: ['Esc'], does: 'Clear the selection' },
  { keys: ['o', 'Enter'], does: 'Open the finding’s evidence' },
  { keys: ['c'], does: 'Confirm (selection or current finding)' },
  { keys: ['d'], does: 'Dismiss, with a reason' },
  { keys: ['f'], does: 'Mark fixed' },
  { keys: ['r'], does: 'Reopen' },
  { keys: ['a'], does: 'Assign' },
  { keys: ['/'], does: 'Go to the filters' },
  { keys: ['?'], does: 'Show these shortcuts' },
];

/** The command for a key press in the queue, or null when the key is not a shortcut. */
export function commandForKey(input: KeyInput): QueueCommand | null {
  const { key, shiftKey: shift } = input;
  if (input.altKey) return null;
  if (input.ctrlKey || input.metaKey) return key.toLowerCase() === 'a' ? { kind: 'select-all-loaded' } : null;
  switch (key) {
    case 'j':
    case 'J':
    case 'ArrowDown':
      return { kind: 'move', by: 1, extend: shift };
    case 'k':
    case 'K':
    case 'ArrowUp':
      return { kind: 'move', by: -1, extend: shift };
    case 'PageDown':
      return { kind: 'move', by: PAGE_STEP, extend: shift };
    case 'PageUp':
      return { kind: 'move', by: -PAGE_STEP, extend: shift };
    case 'Home':
      return { kind: 'move-to', where: 'first', extend: shift };
    case 'End':
      return { kind: 'move-to', where: 'last', extend: shift };
    case 'x':
    case ' ':
      return { kind: 'toggle-select' };
    case 'Escape':
      return { kind: 'clear-selection' };
    case 'o':
    case 'Enter':
      return { kind: 'open' };
    case 'c':
      return { kind: 'set-status', status: 'confirmed' };
    case 'f':
      return { kind: 'set-status', status: 'fixed' };
    case 'r':
      return { kind: 'set-status', status: 'open' };
    case 'd':
      return { kind: 'dismiss' };
    case 'a':
      return { kind: 'assign' };
    case '/':
      return { kind: 'focus-filter' };
    case '?':
      return { kind: 'help' };
    default:
      return null;
  }
}

/** True when the event comes from a control that takes typing (shortcuts must not fire there). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}
