/**
 * The one module through which the renderer talks to the backend: a typed `call(channel, input)`
 * and a named helper per contract channel (typed from shared/contract), job pushes, and the file
 * dialogs. Failures arrive as `ApiError` with the backend's code and a message fit to show.
 */
import type { BackendError, Channel, InputOf, OutputOf } from '../../shared/contract/index.ts';
import type { FileRef } from '../../shared/contract/imports.ts';
import type { JobState } from '../../shared/contract/jobs.ts';
import type { BridgeName } from './transport/bridge.ts';
import { createBridgeTransport } from './transport/bridge-transport.ts';
import { createHttpTransport } from './transport/http-transport.ts';
import type { ChooseFilesOptions, SaveOutputOptions, Transport } from './transport/transport.ts';

/** A failed request: `code` is stable (e.g. `BAD_INPUT`, `FILE_UNKNOWN`), `message` is for the user. */
export class ApiError extends Error {
  readonly code: string;

  constructor(error: BackendError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}

/** Channels whose input has no required field take it optionally. */
type HelperArgs<I> = Record<string, never> extends I ? [input?: I] : [input: I];

export type NamedHelpers = { readonly [C in Channel as BridgeName<C>]: (...args: HelperArgs<InputOf<C>>) => Promise<OutputOf<C>> };

export interface Api extends NamedHelpers {
  readonly transport: Transport['kind'];
  call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  /** Subscribes to job state changes; returns the unsubscribe function. */
  onJobsChanged(listener: (state: JobState) => void): () => void;
  /** Lets the user choose files to import; [] when cancelled. Call from a click handler. */
  chooseFiles(options?: ChooseFilesOptions): Promise<FileRef[]>;
  /** Saves a generated file where the user chooses; false when cancelled. */
  saveOutput(options: SaveOutputOptions): Promise<boolean>;
}

/**
 * Picks the transport: the Electron preload when present; otherwise, in the browser-harness build
 * only, HTTP to the harness. The check of VITE_HARNESS is a build-time constant, so the desktop
 * bundle contains no HTTP code at all.
 */
export function selectTransport(win: Window = window): Transport {
  if (win.trialledger) return createBridgeTransport(win.trialledger);
  if (import.meta.env.VITE_HARNESS === '1') return createHttpTransport();
  throw new Error('TrialLedger must be opened as the desktop app: no backend is available in this window.');
}

/** Builds the typed client over a transport (tests pass a fake one). */
export function createApi(transport: Transport): Api {
  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const result = await transport.call(channel, input);
    if (!result.ok) throw new ApiError(result.error);
    return result.value as OutputOf<C>;
  }
  const helper =
    <C extends Channel>(channel: C) =>
    (input?: InputOf<C>): Promise<OutputOf<C>> =>
      call(channel, input ?? ({} as InputOf<C>));
  const named: NamedHelpers = {
    appGetInfo: helper('app:get-info'),
    studiesList: helper('studies:list'),
    importsPreview: helper('imports:preview'),
    importsStart: helper('imports:start'),
    importsHistory: helper('imports:history'),
    mappingsList: helper('mappings:list'),
    mappingsSave: helper('mappings:save'),
    mappingsDelete: helper('mappings:delete'),
    jobsGet: helper('jobs:get'),
    jobsCancel: helper('jobs:cancel'),
    jobsList: helper('jobs:list'),
    findingsRun: helper('findings:run'),
    findingsList: helper('findings:list'),
    findingsGroups: helper('findings:groups'),
    findingsGet: helper('findings:get'),
    findingsSetStatus: helper('findings:set-status'),
    findingsAssign: helper('findings:assign'),
    findingsAddNote: helper('findings:add-note'),
    findingsSummary: helper('findings:summary'),
  };
  return {
    ...named,
    transport: transport.kind,
    call,
    onJobsChanged: (listener) => transport.onJobsChanged(listener),
    async chooseFiles(options = {}) {
      const result = await transport.chooseFiles(options);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
    async saveOutput(options) {
      const result = await transport.saveOutput(options);
      if (!result.ok) throw new ApiError(result.error);
      return result.value;
    },
  };
}
