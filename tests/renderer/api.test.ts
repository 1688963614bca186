// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ApiError, createApi, selectTransport } from '../../renderer/src/api.ts';
import { bridgeName, type TrialLedgerBridge } from '../../renderer/src/transport/bridge.ts';
import type { JobState } from '../../shared/contract/jobs.ts';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A bridge where every function is a spy answering `{ok: true, value: channel-name}`. */
function fakeBridge(): Record<string, Mock> {
  const handler: ProxyHandler<Record<string, unknown>> = {
    get(target, name: string) {
      target[name] ??= vi.fn((input: unknown) => Promise.resolve({ ok: true, value: { name, input } }));
      return target[name];
    },
  };
  return new Proxy({}, handler) as Record<string, Mock>;
}

const windowWith = (trialledger?: Record<string, Mock>): Window => ({ trialledger: trialledger as TrialLedgerBridge | undefined }) as unknown as Window;

describe('bridgeName', () => {
  it('turns area:verb-noun into the preload function name', () => {
    expect(bridgeName('app:get-info')).toBe('appGetInfo');
    expect(bridgeName('studies:list')).toBe('studiesList');
    expect(bridgeName('mappings:delete')).toBe('mappingsDelete');
    expect(bridgeName('imports:history')).toBe('importsHistory');
  });
});

describe('selectTransport', () => {
  it('uses the Electron preload when it is there, even in a harness build', () => {
    vi.stubEnv('VITE_HARNESS', '1');
    const bridge = fakeBridge();
    const transport = selectTransport(windowWith(bridge));
    expect(transport.kind).toBe('electron');
  });

  it('calls the named preload function of the channel, with {} for an omitted input', async () => {
    const bridge = fakeBridge();
    const api = createApi(selectTransport(windowWith(bridge)));
    await expect(api.studiesList()).resolves.toEqual({ name: 'studiesList', input: {} });
    await expect(api.jobsGet({ jobId: 'job-1' })).resolves.toEqual({ name: 'jobsGet', input: { jobId: 'job-1' } });
    expect(bridge.studiesList).toHaveBeenCalledTimes(1);
  });

  it('uses HTTP in the harness build when there is no preload', async () => {
    vi.stubEnv('VITE_HARNESS', '1');
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ ok: true, value: [] }))));
    vi.stubGlobal('fetch', fetchMock);
    const api = createApi(selectTransport(windowWith()));
    expect(api.transport).toBe('http');
    await expect(api.importsHistory({ limit: 5 })).resolves.toEqual([]);
    expect(fetchMock).toHaveBeenCalledWith('/api/imports:history', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ limit: 5 }),
    });
  });

  it('refuses to run without a backend outside the harness build', () => {
    vi.stubEnv('VITE_HARNESS', '0');
    expect(() => selectTransport(windowWith())).toThrow(/desktop app/);
  });
});

describe('the typed client', () => {
  it('throws ApiError with the backend code and message', async () => {
    const bridge = fakeBridge();
    bridge.studiesList?.mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_KEY', message: 'The key is wrong.' } });
    const api = createApi(selectTransport(windowWith(bridge)));
    const error = await api.studiesList().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'WRONG_KEY', message: 'The key is wrong.' });
  });

  it('reports an unreachable harness as an ApiError, not a TypeError', async () => {
    vi.stubEnv('VITE_HARNESS', '1');
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const api = createApi(selectTransport(windowWith()));
    await expect(api.studiesList()).rejects.toMatchObject({ name: 'ApiError', code: 'UNREACHABLE' });
  });
});

describe('the HTTP transport', () => {
  it('uploads the chosen CSV/XLSX files and returns their ids', async () => {
    vi.stubEnv('VITE_HARNESS', '1');
    const fetchMock = vi.fn((url: string) => Promise.resolve(new Response(JSON.stringify({ ok: true, value: { fileId: 'f1', name: url, byteSize: 1 } }))));
    vi.stubGlobal('fetch', fetchMock);
    // jsdom opens no file chooser: the click "chooses" two files, one of which is not importable.
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [new File(['a'], 'studies.csv'), new File(['b'], 'notes.txt')] });
      this.dispatchEvent(new Event('change'));
    });
    const api = createApi(selectTransport(windowWith()));
    const refs = await api.chooseFiles();
    expect(refs).toEqual([{ fileId: 'f1', name: '/api/upload?name=studies.csv', byteSize: 1 }]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(document.querySelector('input[type=file]')).toBeNull();
  });

  it('resolves to no files when the user cancels', async () => {
    vi.stubEnv('VITE_HARNESS', '1');
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    await expect(createApi(selectTransport(windowWith())).chooseFiles({ mode: 'folder' })).resolves.toEqual([]);
  });

  it('delivers job pushes from the event stream and closes it after the last unsubscribe', () => {
    vi.stubEnv('VITE_HARNESS', '1');
    const sources: FakeEventSource[] = [];
    class FakeEventSource extends EventTarget {
      readonly url: string;
      closed = false;
      constructor(url: string) {
        super();
        this.url = url;
        sources.push(this);
      }
      close(): void {
        this.closed = true;
      }
    }
    vi.stubGlobal('EventSource', FakeEventSource);
    const api = createApi(selectTransport(windowWith()));
    const seen: JobState[] = [];
    const stopA = api.onJobsChanged((s) => seen.push(s));
    const stopB = api.onJobsChanged((s) => seen.push(s));
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('/api/events');
    const state: JobState = { jobId: 'job-1', kind: 'import', status: 'running', progress: null };
    sources[0]?.dispatchEvent(new MessageEvent('jobs:changed', { data: JSON.stringify(state) }));
    expect(seen).toEqual([state, state]);
    stopA();
    expect(sources[0]?.closed).toBe(false);
    stopB();
    expect(sources[0]?.closed).toBe(true);
  });
});
