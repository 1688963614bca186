/** Test doubles of the backend for renderer tests: a Transport answering from a table of handlers. */
import type { Channel, OutputOf, Result } from '../../shared/contract/index.ts';
import type { AppInfo } from '../../shared/contract/app.ts';
import type { StudySummary } from '../../shared/contract/studies.ts';
import type { Transport } from '../../renderer/src/transport/transport.ts';

export type FakeHandlers = { [C in Channel]?: (input: unknown) => Promise<OutputOf<C>> | OutputOf<C> };

/** A transport whose calls go to `handlers`; an unhandled channel is a test failure, reported as a Result. */
export function fakeTransport(handlers: FakeHandlers): Transport & { calls: { channel: Channel; input: unknown }[] } {
  const calls: { channel: Channel; input: unknown }[] = [];
  return {
    kind: 'electron',
    calls,
    async call(channel, input): Promise<Result<unknown>> {
      calls.push({ channel, input });
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: 'NO_FAKE', message: `no fake for ${channel}` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        return { ok: false, error: { code: 'FAKE_FAILED', message: (error as Error).message } };
      }
    },
    onJobsChanged: () => () => undefined,
    chooseFiles: () => Promise.resolve({ ok: true, value: [] }),
    registerDroppedFiles: () => Promise.resolve({ ok: true, value: [] }),
    saveOutput: () => Promise.resolve({ ok: true, value: false }),
  };
}

export const APP_INFO: AppInfo = { version: '9.8.7', keyProtection: 'os-keychain', host: 'desktop', studyCount: 2 };

/** A study with every count set from `base`. */
export function study(overrides: Partial<StudySummary> & Pick<StudySummary, 'studyId'>, base = 1): StudySummary {
  return {
    protocolNumber: `P-${overrides.studyId}`,
    title: `Title of ${overrides.studyId}`,
    sponsor: 'Bexley Pharmaceuticals',
    nctNumber: 'NCT01234567',
    ideNumber: null,
    qualifyingTrial: false,
    overheadBp: 2600,
    holdbackBp: 1000,
    paymentTermsDays: 45,
    counts: {
      arms: base,
      calendarVisits: base + 1,
      calendarItems: base + 2,
      invoiceables: base + 3,
      subjects: base + 4,
      ctmsVisits: base + 5,
      approvals: base + 6,
      invoiceLines: base + 7,
      charges: base + 8,
    },
    ...overrides,
  };
}

/** A promise with its resolve and reject exposed, to hold a screen in its loading state. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
