/**
 * Shared by the findings, subject-timeline and dashboard specs: the demo's expected findings (the
 * oracle the demo generator computed), the demo package's CSV files, and small steps through the UI
 * and the backend. Expectations are read from these files, never written into the specs.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { FindingFilter, FindingPage, FindingSort } from '../../shared/contract/findings.ts';
import type { JobState } from '../../shared/contract/jobs.ts';
import { E2E_DEMO_DIR } from './e2e-env.ts';
import { callBackend, expect } from './own-harness.ts';

export interface ExpectedFinding {
  readonly rule: string;
  readonly study_id: string | null;
  readonly subject_id: string | null;
  readonly charge_id: string | null;
  readonly visit_code: string | null;
  readonly cpt_hcpcs: string | null;
  readonly service_date: string | null;
}

/** tests/fixtures/demo-expected-findings.json */
export function expectedFindings(): ExpectedFinding[] {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'demo-expected-findings.json'), 'utf8')) as ExpectedFinding[];
}

export type CsvRow = Record<string, string>;

/** A file of the demo package (assets/demo) as rows keyed by header. */
export function demoCsv(file: string): CsvRow[] {
  const text = readFileSync(join(E2E_DEMO_DIR, file), 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() }).data;
}

/** Runs the checks through the backend unless this harness already has findings; waits for the job. */
export async function ensureChecksRun(request: APIRequestContext, url: string): Promise<void> {
  const page = await callBackend<FindingPage>(request, url, 'findings:list', { limit: 1 });
  if ((page.total ?? 0) > 0) return;
  const { jobId } = await callBackend<{ jobId: string }>(request, url, 'findings:run', { mode: 'full' });
  await expect.poll(async () => (await callBackend<JobState | null>(request, url, 'jobs:get', { jobId }))?.status, { timeout: 60_000 }).toBe('succeeded');
}

/** Every id of a view, in order, as the backend gives it. */
export async function viewIds(request: APIRequestContext, url: string, filter: FindingFilter, sort: FindingSort): Promise<number[]> {
  const page = await callBackend<FindingPage>(request, url, 'findings:list', { filter, sort, limit: 500 });
  return page.rows.map((r) => r.id);
}

/** Opens a section from the left navigation and waits for its screen. */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

/** The queue's grid. */
export function queueGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Findings work queue' });
}

/** The finding ids of the rows rendered in the grid, in row order. */
export async function renderedIds(page: Page): Promise<number[]> {
  return queueGrid(page).evaluate((grid) =>
    [...grid.querySelectorAll('[role="row"][data-finding-id]')]
      .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
      .map((row) => Number(row.getAttribute('data-finding-id'))),
  );
}
