/**
 * In the browser, at a million findings: time from opening the queue to its first rows, from a
 * filter or sort change to the new rows, and the rows in the DOM while scrolling. Times are taken
 * inside the page (performance.now() at the click, then the next animation frame after the DOM
 * shows the answer), so Playwright's own round trips are not counted.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// What the in-page functions use, declared for this module only (the Node project has no DOM library).
interface PageElement {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & { forEach(fn: (e: PageElement) => void): void };
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  readonly textContent: string | null;
  readonly parentElement: PageElement | null;
  click(): void;
  scrollTop: number;
  readonly scrollHeight: number;
  readonly clientHeight: number;
}
declare const document: PageElement;
declare const window: {
  /** Milliseconds from now until `done()` holds, measured to the frame after it does. */
  benchUntil: (done: () => boolean, timeoutMs?: number) => Promise<number>;
};
declare function requestAnimationFrame(callback: () => void): number;

const results: Record<string, unknown> = {};
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.benchUntil = (done: () => boolean, timeoutMs = 30_000) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        const check = (): void => {
          if (done()) requestAnimationFrame(() => resolve(performance.now() - start));
          else if (performance.now() - start > timeoutMs) reject(new Error('timed out'));
          else requestAnimationFrame(check);
        };
        check();
      });
  });
});

const subtitle = (): string => document.querySelector('#findings-title + .screen-subtitle')?.textContent ?? '';

/**
 * Clicks `selector` inside the page and times until the grid shows settled rows different from
 * before; then, separately, until the header shows the counted total.
 */
async function timeChange(page: Page, selector: string): Promise<{ rowsMs: number; totalMs: number }> {
  return page.evaluate(async (sel) => {
    const grid = (): PageElement | null => document.querySelector('[role="grid"]');
    const firstId = (): string | null => grid()?.querySelector('.q-body [data-finding-id]')?.getAttribute('data-finding-id') ?? null;
    const before = `${document.querySelector('#findings-title + .screen-subtitle')?.textContent ?? ''}|${firstId()}`;
    const target = document.querySelector(sel);
    if (!target) throw new Error(`no ${sel}`);
    const waiting = window.benchUntil(() => {
      const now = `${document.querySelector('#findings-title + .screen-subtitle')?.textContent ?? ''}|${firstId()}`;
      return now !== before && grid()?.getAttribute('aria-busy') === 'false' && firstId() !== null;
    });
    const start = performance.now();
    target.click();
    const rowsMs = await waiting;
    await window.benchUntil(() => !(document.querySelector('#findings-title + .screen-subtitle')?.textContent ?? '').includes('counting'));
    return { rowsMs, totalMs: performance.now() - start };
  }, selector);
}

test('the queue at a million findings', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible({ timeout: 120_000 });

  // 1. Opening the queue (the first time: nothing cached) until its first rows are on screen.
  const open = async (): Promise<number> =>
    page.evaluate(async () => {
      const waiting = window.benchUntil(() => document.querySelector('.q-body [data-finding-id]') !== null);
      Array.from(document.querySelectorAll('nav[aria-label="Main"] button')).find((b) => b.textContent?.startsWith('Findings'))?.click();
      return waiting;
    });
  const firstOpen = await open();
  const total = await page.evaluate(subtitle);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studies' }).click();
  const reopen = await open();
  results.open = { firstMs: Math.round(firstOpen), againMs: Math.round(reopen), total, targetMs: 1_000 };

  // 2. Filter and sort changes until the new rows are on screen.
  const changes: Record<string, number> = {};
  const totals: Record<string, number> = {};
  const record = (name: string, ms: { rowsMs: number; totalMs: number }): void => {
    let key = name;
    for (let n = 2; key in changes; n += 1) key = `${name} (${n})`;
    changes[key] = Math.round(ms.rowsMs);
    totals[key] = Math.round(ms.totalMs);
  };
  const filter = async (menu: string, option: string): Promise<void> => {
    await page.locator('summary', { hasText: new RegExp(`^${menu}`) }).click();
    const label = page.locator('details[open] label', { hasText: new RegExp(`^${option}`) });
    const on = await label.locator('input').isChecked();
    await label.locator('input').evaluate((input) => input.setAttribute('data-bench', 'filter'));
    record(`${menu}: ${option}${on ? ' off' : ''}`, await timeChange(page, 'details[open] input[data-bench="filter"]'));
    await page.keyboard.press('Escape');
    await page.evaluate(() => document.querySelectorAll('[data-bench]').forEach((e) => e.removeAttribute('data-bench')));
  };
  const sort = async (column: string): Promise<void> => {
    await page.locator('.q-head [role="columnheader"] button', { hasText: column }).evaluate((b) => b.setAttribute('data-bench', 'sort'));
    record(`sort: ${column}`, await timeChange(page, '.q-head button[data-bench="sort"]'));
    await page.evaluate(() => document.querySelectorAll('[data-bench]').forEach((e) => e.removeAttribute('data-bench')));
  };
  await filter('Rule', 'RSH-02');
  await sort('Amount');
  await sort('Amount');
  await filter('Rule', 'RSH-02'); // off again
  await filter('Severity', 'Critical');
  await filter('Payer', 'Medicare Advantage');
  await sort('Service date');
  await filter('Status', 'Open');
  await sort('Rule');
  await filter('Severity', 'Critical'); // off
  await filter('Payer', 'Medicare Advantage'); // off
  await filter('Status', 'Open'); // off
  await sort('Severity');
  const times = Object.values(changes);
  results.changes = { rowsMs: changes, totalShownMs: totals, medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)), targetMs: 200 };

  // 3. Scrolling: only the rows in view are in the DOM, wherever the list is scrolled.
  const grid = page.getByRole('grid', { name: 'Findings work queue' });
  const positions: { at: number; rowsInDom: number; loadedMs: number }[] = [];
  for (const at of [0.001, 0.1, 0.5, 0.9, 1]) {
    const measured = await grid.evaluate(async (el, fraction) => {
      // The window has moved when its first row is another one; loaded when no placeholder is left.
      const firstRow = (): string | null => el.querySelector('.q-body [role="row"]')?.getAttribute('aria-rowindex') ?? null;
      const before = firstRow();
      const waiting = window.benchUntil(() => firstRow() !== before && el.querySelectorAll('.q-body .q-placeholder').length === 0 && el.querySelectorAll('.q-body [data-finding-id]').length > 0);
      el.scrollTop = (el.scrollHeight - el.clientHeight) * fraction;
      const loadedMs = await waiting;
      return { loadedMs, rowsInDom: el.querySelectorAll('.q-body [role="row"]').length };
    }, at);
    positions.push({ at, ...measured, loadedMs: Math.round(measured.loadedMs) });
  }
  // A continuous scroll through 2,000 rows, one wheel step at a time: the DOM never grows.
  const wheel = await grid.evaluate(async (el) => {
    el.scrollTop = 0;
    let most = 0;
    for (let i = 0; i < 100; i += 1) {
      el.scrollTop += 800;
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      most = Math.max(most, el.querySelectorAll('.q-body [role="row"]').length);
    }
    return { most, scrollHeight: el.scrollHeight, viewport: el.clientHeight };
  });
  results.scrolling = { positions, wheel };
  for (const p of positions) expect(p.rowsInDom).toBeLessThan(60);
  expect(wheel.most).toBeLessThan(60);

  writeFileSync(join(import.meta.dirname, '..', '..', '.bench-data', 'findings-queue-ui.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
});
