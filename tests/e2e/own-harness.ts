/**
 * Harnesses of a test's own: every test that uses one gets a database no other test sees (specs
 * write: imports, check runs, invoices), so no test depends on the order tests run in, and the shared
 * demo harness of playwright.config.ts stays as the study-list spec expects it. They serve the same
 * browser build (TRIALLEDGER_WEB_OUT) the config's web server built.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { FileRef } from '../../shared/contract/imports.ts';
import type { JobState } from '../../shared/contract/jobs.ts';
import { spawnHarness, type SpawnedHarness } from '../../scripts/harness/spawn-harness.ts';

interface Harnesses {
  /** A harness with an empty database of this test's own. */
  emptyHarness: SpawnedHarness;
  /** A harness with the demo package loaded into a database of its own. */
  demoHarness: SpawnedHarness;
}

export const test = base.extend<Harnesses>({
  emptyHarness: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const harness = await spawnHarness({ demo: false });
      await use(harness);
      await harness.stop();
    },
    { timeout: 120_000 },
  ],
  demoHarness: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const harness = await spawnHarness({ demo: true });
      await use(harness);
      await harness.stop();
    },
    { timeout: 120_000 },
  ],
});

export { expect };

/** Opens the app at `url` and waits until its first screen has loaded. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible();
}

/** Calls a contract channel of the harness directly (the backend, not the UI) and returns its value. */
export async function callBackend<T>(request: APIRequestContext, url: string, channel: string, input: unknown = {}): Promise<T> {
  const response = await request.post(`${url}/api/${channel}`, { data: input, headers: { 'Content-Type': 'application/json' } });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
  return result.value as T;
}

/** Uploads a file to the harness as the user choosing it would; returns its file id. */
async function uploadViaBackend(request: APIRequestContext, url: string, path: string): Promise<string> {
  const response = await request.post(`${url}/api/upload?name=${encodeURIComponent(basename(path))}`, { data: readFileSync(path), headers: { 'Content-Type': 'application/octet-stream' } });
  return ((await response.json()) as { value: FileRef }).value.fileId;
}

/** Waits until a job has ended and returns its final state. */
async function jobEnd(request: APIRequestContext, url: string, jobId: string): Promise<JobState> {
  let state: JobState | null = null;
  await expect
    .poll(
      async () => {
        state = await callBackend<JobState | null>(request, url, 'jobs:get', { jobId });
        return state?.status;
      },
      { timeout: 30_000 },
    )
    .toMatch(/succeeded|failed|cancelled/);
  return state as unknown as JobState;
}

/** Imports files through the backend (upload, `imports:start`, then the job's end), for a test's set-up. */
export async function importViaBackend(request: APIRequestContext, url: string, paths: readonly string[]): Promise<JobState> {
  const fileIds: string[] = [];
  for (const path of paths) fileIds.push(await uploadViaBackend(request, url, path));
  const { jobId } = await callBackend<{ jobId: string }>(request, url, 'imports:start', { fileIds });
  return jobEnd(request, url, jobId);
}

/** Imports an 835 remittance through the backend (upload, `remit:import`, then the job's end), for a test's set-up. */
export async function importRemittanceViaBackend(request: APIRequestContext, url: string, path: string): Promise<JobState> {
  const { jobId } = await callBackend<{ jobId: string }>(request, url, 'remit:import', { fileId: await uploadViaBackend(request, url, path) });
  return jobEnd(request, url, jobId);
}
