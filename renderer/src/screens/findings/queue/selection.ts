/**
 * The queue's selection model, pure: which findings are selected (by id, so it survives paging and
 * refreshes), the row the keyboard is on, and the anchor a Shift range starts from. Rows are known
 * by index only where their page is loaded, so ranges take the ids that `idAt` can give.
 */

export interface Selection {
  readonly selected: ReadonlySet<number>;
  /** Row index of the keyboard focus (-1 before any row exists). */
  readonly focus: number;
  /** Where a Shift range starts (the last row clicked or toggled without Shift). */
  readonly anchor: number | null;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), focus: 0, anchor: null };

export type IdAt = (index: number) => number | undefined;

const clamp = (index: number, total: number): number => (total <= 0 ? -1 : Math.min(Math.max(index, 0), total - 1));

/** The ids of rows from..to (inclusive, either order) that are loaded. */
export function idsInRange(from: number, to: number, idAt: IdAt): number[] {
  const ids: number[] = [];
  for (let i = Math.min(from, to); i <= Math.max(from, to); i += 1) {
    const id = idAt(i);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

/** Moves the focus; with `extend`, the selection becomes the range from the anchor to the new row. */
export function moveFocus(sel: Selection, to: number, total: number, extend: boolean, idAt: IdAt): Selection {
  const focus = clamp(to, total);
  if (!extend) return { ...sel, focus };
  const anchor = sel.anchor ?? sel.focus;
  return { selected: new Set(idsInRange(anchor, focus, idAt)), focus, anchor };
}

/** Selects or unselects one row (Space/x, Ctrl+click); it becomes the anchor. */
export function toggleRow(sel: Selection, index: number, idAt: IdAt): Selection {
  const id = idAt(index);
  if (id === undefined) return sel;
  const selected = new Set(sel.selected);
  if (selected.has(id)) selected.delete(id);
  else selected.add(id);
  return { selected, focus: index, anchor: index };
}

/** A click: plain focuses only; Ctrl/Cmd toggles; Shift selects the range from the anchor. */
export function clickRow(sel: Selection, index: number, modifiers: { shift: boolean; toggle: boolean }, idAt: IdAt): Selection {
  if (modifiers.shift) {
    const anchor = sel.anchor ?? sel.focus;
    return { selected: new Set([...sel.selected, ...idsInRange(anchor, index, idAt)]), focus: index, anchor };
  }
  if (modifiers.toggle) return toggleRow(sel, index, idAt);
  return { ...sel, focus: index, anchor: index };
}

/** Selects every loaded row. */
export function selectAll(sel: Selection, ids: readonly number[]): Selection {
  return { ...sel, selected: new Set(ids) };
}

export function clearSelection(sel: Selection): Selection {
  return { ...sel, selected: new Set(), anchor: null };
}

/**
 * The findings an action applies to: the selection when there is one, else the focused row.
 * Returns [] when neither is loaded.
 */
export function actionTargets(sel: Selection, idAt: IdAt): number[] {
  if (sel.selected.size > 0) return [...sel.selected];
  const id = idAt(sel.focus);
  return id === undefined ? [] : [id];
}

/** After the list changed under it (new filter, fewer rows), keeps the focus in range and drops nothing else. */
export function fitToTotal(sel: Selection, total: number): Selection {
  const focus = clamp(sel.focus, total);
  return focus === sel.focus ? sel : { ...sel, focus: Math.max(focus, 0) };
}
