/**
 * The transport of the browser harness (tests and development; compiled only into the harness build):
 * `POST /api/<channel>` with a JSON body answers the same Result the preload returns; job pushes
 * arrive as Server-Sent Events; chosen files are uploaded and come back as file ids.
 */
import type { Result } from '../../../shared/contract/index.ts';
import type { FileRef } from '../../../shared/contract/imports.ts';
import type { JobState } from '../../../shared/contract/jobs.ts';
import { pickFiles } from './pick-files.ts';
import { unreachable, type Transport } from './transport.ts';

const OFFLINE = 'The TrialLedger test server cannot be reached.';

/** Creates the HTTP transport for the page's own origin. */
export function createHttpTransport(): Transport {
  const listeners = new Set<(state: JobState) => void>();
  let events: EventSource | null = null;

  async function post<T>(path: string, body: BodyInit, contentType: string): Promise<Result<T>> {
    try {
      const response = await fetch(path, { method: 'POST', headers: { 'Content-Type': contentType }, body });
      return (await response.json()) as Result<T>;
    } catch {
      return unreachable(OFFLINE);
    }
  }

  /** Uploads files one by one; each comes back registered as a FileRef. */
  async function upload(files: readonly File[]): Promise<Result<FileRef[]>> {
    const refs: FileRef[] = [];
    for (const file of files) {
      const uploaded = await post<FileRef>(`/api/upload?name=${encodeURIComponent(file.name)}`, file, 'application/octet-stream');
      if (!uploaded.ok) return uploaded;
      refs.push(uploaded.value);
    }
    return { ok: true, value: refs };
  }

  return {
    kind: 'http',
    call: (channel, input) => post(`/api/${channel}`, JSON.stringify(input ?? {}), 'application/json'),
    onJobsChanged(listener) {
      listeners.add(listener);
      if (!events) {
        events = new EventSource('/api/events');
        events.addEventListener('jobs:changed', (event) => {
          const state = JSON.parse((event as MessageEvent<string>).data) as JobState;
          for (const l of listeners) l(state);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          events?.close();
          events = null;
        }
      };
    },
    async chooseFiles(options) {
      return upload(await pickFiles(options.mode ?? 'files', options.kind ?? 'package'));
    },
    // A drop in the browser carries the bytes, never a path: they are uploaded like chosen files.
    registerDroppedFiles: (files) => upload(files),
    saveOutput({ fileName }) {
      // The browser's download prompt stands in for the save dialog.
      const link = document.createElement('a');
      link.href = `/api/download/${encodeURIComponent(fileName)}`;
      link.download = fileName;
      link.hidden = true;
      document.body.append(link);
      link.click();
      link.remove();
      return Promise.resolve({ ok: true, value: true });
    },
  };
}
