/** The queue's pure logic: keys, selection, filter form, paging and the virtual window. */
import { describe, expect, it } from 'vitest';
import { applyDraft, draftFromFilter, narrowFilter, normalizeFilter, toggleValue, viewKey, withoutField } from '../../../renderer/src/screens/findings/queue/filter-form.ts';
import { commandForKey, type KeyInput } from '../../../renderer/src/screens/findings/queue/keyboard-map.ts';
import { PAGE_SIZE, pagesFor, pagesToDrop } from '../../../renderer/src/screens/findings/queue/page-window.ts';
import { actionTargets, clickRow, EMPTY_SELECTION, fitToTotal, moveFocus, toggleRow } from '../../../renderer/src/screens/findings/queue/selection.ts';
import { MAX_CONTENT_PX, layoutWindow, scrollTopFor } from '../../../renderer/src/screens/findings/queue/virtual-window.ts';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('the keyboard map', () => {
  it('moves with j/k and the arrows, extending with Shift', () => {
    expect(commandForKey(key('j'))).toEqual({ kind: 'move', by: 1, extend: false });
    expect(commandForKey(key('ArrowUp'))).toEqual({ kind: 'move', by: -1, extend: false });
    expect(commandForKey(key('J', { shiftKey: true }))).toEqual({ kind: 'move', by: 1, extend: true });
    expect(commandForKey(key('End'))).toEqual({ kind: 'move-to', where: 'last', extend: false });
  });

  it('has one key per action', () => {
    expect(commandForKey(key('c'))).toEqual({ kind: 'set-status', status: 'confirmed' });
    expect(commandForKey(key('f'))).toEqual({ kind: 'set-status', status: 'fixed' });
    expect(commandForKey(key('r'))).toEqual({ kind: 'set-status', status: 'open' });
    expect(commandForKey(key('d'))).toEqual({ kind: 'dismiss' });
    expect(commandForKey(key('a'))).toEqual({ kind: 'assign' });
    expect(commandForKey(key('o'))).toEqual({ kind: 'open' });
    expect(commandForKey(key('Enter'))).toEqual({ kind: 'open' });
    expect(commandForKey(key('x'))).toEqual({ kind: 'toggle-select' });
    expect(commandForKey(key(' '))).toEqual({ kind: 'toggle-select' });
    expect(commandForKey(key('/'))).toEqual({ kind: 'focus-filter' });
    expect(commandForKey(key('?'))).toEqual({ kind: 'help' });
    expect(commandForKey(key('Escape'))).toEqual({ kind: 'clear-selection' });
  });

  it('leaves the browser its own shortcuts', () => {
    expect(commandForKey(key('c', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('r', { metaKey: true }))).toBeNull();
    expect(commandForKey(key('a', { ctrlKey: true }))).toEqual({ kind: 'select-all-loaded' });
    expect(commandForKey(key('j', { altKey: true }))).toBeNull();
    expect(commandForKey(key('q'))).toBeNull();
  });
});

describe('the selection model', () => {
  const idAt = (i: number): number | undefined => (i >= 0 && i < 50 ? 1000 + i : undefined);

  it('acts on the selection, else on the focused row', () => {
    const focused = moveFocus(EMPTY_SELECTION, 3, 50, false, idAt);
    expect(actionTargets(focused, idAt)).toEqual([1003]);
    const picked = toggleRow(toggleRow(focused, 5, idAt), 7, idAt);
    expect([...picked.selected]).toEqual([1005, 1007]);
    expect(actionTargets(picked, idAt).sort()).toEqual([1005, 1007]);
    expect(actionTargets(toggleRow(picked, 5, idAt), idAt)).toEqual([1007]);
  });

  it('extends from the anchor with Shift and clamps to the list', () => {
    const anchored = clickRow(EMPTY_SELECTION, 10, { shift: false, toggle: false }, idAt);
    const range = clickRow(anchored, 13, { shift: true, toggle: false }, idAt);
    expect([...range.selected].sort()).toEqual([1010, 1011, 1012, 1013]);
    const down = moveFocus(range, 15, 50, true, idAt);
    expect(down.selected.size).toBe(6);
    expect(moveFocus(down, 99, 50, false, idAt).focus).toBe(49);
    expect(moveFocus(down, -4, 50, false, idAt).focus).toBe(0);
    expect(clickRow(range, 20, { shift: false, toggle: true }, idAt).selected.has(1020)).toBe(true);
  });

  it('keeps the focus inside a shorter list and selects only loaded rows', () => {
    expect(fitToTotal({ ...EMPTY_SELECTION, focus: 40 }, 10).focus).toBe(9);
    const sparse = (i: number): number | undefined => (i % 2 === 0 ? i : undefined);
    expect([...clickRow({ ...EMPTY_SELECTION, anchor: 0 }, 5, { shift: true, toggle: false }, sparse).selected]).toEqual([0, 2, 4]);
  });
});

describe('the filter form', () => {
  it('parses dollars and dates, and reports what it cannot', () => {
    const ok = applyDraft({ rules: ['RSH-02'] }, { amountMin: '1,250.50', amountMax: '', dateFrom: '2025-01-01', dateTo: '' });
    expect(ok).toEqual({ filter: { amountMinCents: 125_050, dateFrom: '2025-01-01', rules: ['RSH-02'] }, errors: {} });
    const bad = applyDraft({ rules: ['RSH-02'] }, { amountMin: 'lots', amountMax: '', dateFrom: '2025-02-30', dateTo: '' });
    expect(bad.filter).toEqual({ rules: ['RSH-02'] });
    expect(Object.keys(bad.errors).sort()).toEqual(['amountMin', 'dateFrom']);
    expect(applyDraft({}, { amountMin: '50', amountMax: '10', dateFrom: '', dateTo: '' }).errors.amountMax).toMatch(/below/);
    expect(draftFromFilter({ amountMinCents: 125_050, dateTo: '2025-12-31' })).toEqual({ amountMin: '1250.50', amountMax: '', dateFrom: '', dateTo: '2025-12-31' });
  });

  it('toggles list values, removes criteria, and keys equal views equally', () => {
    const a = toggleValue(toggleValue({}, 'rules', 'MOD-08'), 'rules', 'DX-09');
    expect(a).toEqual({ rules: ['DX-09', 'MOD-08'] });
    expect(toggleValue(a, 'rules', 'DX-09')).toEqual({ rules: ['MOD-08'] });
    expect(toggleValue({ rules: ['DX-09'] }, 'rules', 'DX-09')).toEqual({});
    expect(withoutField({ rules: ['X-01'], assignee: '' }, 'rules')).toEqual({ assignee: '' });
    expect(normalizeFilter({ rules: [], statuses: ['open', 'confirmed', 'open'], withoutSubject: false })).toEqual({ statuses: ['confirmed', 'open'] });
    const sort = { by: 'amount', direction: 'desc' } as const;
    expect(viewKey({ rules: ['B-02', 'A-01'], studyIds: ['S'] }, sort)).toBe(viewKey({ studyIds: ['S'], rules: ['A-01', 'B-02'] }, sort));
    expect(viewKey({}, sort)).not.toBe(viewKey({}, { by: 'amount', direction: 'asc' }));
    expect(narrowFilter({ severities: ['critical'] }, { studyIds: ['S'], subjectId: '1' })).toEqual({ severities: ['critical'], studyIds: ['S'], subjectId: '1' });
  });
});

describe('paging and the virtual window', () => {
  it('asks for the pages covering the rows in view, and drops the farthest', () => {
    expect(pagesFor(0, 30, 1_000_000)).toEqual([0]);
    expect(pagesFor(95, 130, 1_000_000)).toEqual([0, 1]);
    expect(pagesFor(999_990, 1_000_020, 1_000_000)).toEqual([9_999]);
    expect(pagesFor(0, 10, 0)).toEqual([]);
    expect(pagesToDrop([0, 1, 2, 50, 51, 52], [51], 3).sort()).toEqual([0, 1, 2]);
    expect(PAGE_SIZE).toBe(100);
  });

  it('renders only the rows in view, even for a million rows past the browser’s height limit', () => {
    const small = layoutWindow({ total: 50, rowHeight: 40, viewportHeight: 400, scrollTop: 400, overscan: 2 });
    expect(small).toMatchObject({ scale: 1, contentHeight: 2_000, visibleFirst: 10, visibleLast: 19, first: 8, last: 21 });
    expect(small.topOf(10)).toBe(400);

    const huge = layoutWindow({ total: 1_000_000, rowHeight: 40, viewportHeight: 800, scrollTop: 0, overscan: 8 });
    expect(huge.contentHeight).toBe(MAX_CONTENT_PX);
    expect(huge.last - huge.first + 1).toBeLessThanOrEqual(20 + 8);
    const bottom = layoutWindow({ total: 1_000_000, rowHeight: 40, viewportHeight: 800, scrollTop: MAX_CONTENT_PX - 800, overscan: 8 });
    expect(bottom.visibleLast).toBe(999_999);
    expect(bottom.topOf(999_999) + 40).toBeCloseTo(MAX_CONTENT_PX, 0);
    const middle = layoutWindow({ total: 1_000_000, rowHeight: 40, viewportHeight: 800, scrollTop: (MAX_CONTENT_PX - 800) / 2, overscan: 0 });
    expect(Math.abs(middle.visibleFirst - 499_990)).toBeLessThan(20);
  });

  it('scrolls just enough to show a row', () => {
    const at = { rowHeight: 40, viewportHeight: 400, scrollTop: 400, scale: 1 };
    expect(scrollTopFor(12, at)).toBe(400);
    expect(scrollTopFor(5, at)).toBe(200);
    expect(scrollTopFor(25, at)).toBe(640);
    expect(scrollTopFor(999_999, { ...at, scale: 3.3 })).toBeCloseTo((1_000_000 * 40 - 400) / 3.3, 3);
  });
});
