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
  /** Registers files dropped on the window (only .csv and .xlsx are kept); resolves to their refs. */
  addDroppedFiles(files: readonly File[]): Promise<FileRef[]>;
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
    studiesGet: helper('studies:get'),
    studiesBillingGrid: helper('studies:billing-grid'),
    importsPreview: helper('imports:preview'),
    importsStart: helper('imports:start'),
    importsHistory: helper('imports:history'),
    importsExportProblems: helper('imports:export-problems'),
    mappingsList: helper('mappings:list'),
    mappingsSave: helper('mappings:save'),
    mappingsDelete: helper('mappings:delete'),
    jobsGet: helper('jobs:get'),
    jobsCancel: helper('jobs:cancel'),
    jobsList: helper('jobs:list'),
    findingsRun: helper('findings:run'),
    findingsList: helper('findings:list'),
    findingsCount: helper('findings:count'),
    findingsGroups: helper('findings:groups'),
    findingsGet: helper('findings:get'),
    findingsSetStatus: helper('findings:set-status'),
    findingsAssign: helper('findings:assign'),
    findingsAddNote: helper('findings:add-note'),
    findingsSummary: helper('findings:summary'),
    findingsAtRisk: helper('findings:at-risk'),
    findingsTrend: helper('findings:trend'),
    findingsExport: helper('findings:export'),
    findingsAssignees: helper('findings:assignees'),
    viewsList: helper('views:list'),
    viewsSave: helper('views:save'),
    viewsDelete: helper('views:delete'),
    subjectsList: helper('subjects:list'),
    subjectsTimeline: helper('subjects:timeline'),
    invoicesPropose: helper('invoices:propose'),
    invoicesCreateDraft: helper('invoices:create-draft'),
    invoicesUpdateDraft: helper('invoices:update-draft'),
    invoicesDraftOptions: helper('invoices:draft-options'),
    invoicesDeleteDraft: helper('invoices:delete-draft'),
    invoicesIssue: helper('invoices:issue'),
    invoicesGet: helper('invoices:get'),
    invoicesList: helper('invoices:list'),
    invoicesCreditMemo: helper('invoices:credit-memo'),
    invoicesRender: helper('invoices:render'),
    invoicesRenderBatch: helper('invoices:render-batch'),
    invoicesReadOutput: helper('invoices:read-output'),
    paymentsRecord: helper('payments:record'),
    paymentsApply: helper('payments:apply'),
    paymentsUnapply: helper('payments:unapply'),
    paymentsList: helper('payments:list'),
    receivablesAging: helper('receivables:aging'),
    closeoutGet: helper('closeout:get'),
    closeoutRender: helper('closeout:render'),
    closeoutCreateRelease: helper('closeout:create-release'),
    settingsGetSite: helper('settings:get-site'),
    settingsSaveSite: helper('settings:save-site'),
    remitImport: helper('remit:import'),
    remitFiles: helper('remit:files'),
    denialsList: helper('denials:list'),
    denialsGet: helper('denials:get'),
    denialsSummary: helper('denials:summary'),
    denialsSetStatus: helper('denials:set-status'),
    denialsRetriage: helper('denials:retriage'),
    denialsMetrics: helper('denials:metrics'),
    denialsPayerSettings: helper('denials:payer-settings'),
    denialsSavePayerSetting: helper('denials:save-payer-setting'),
    appealsGet: helper('appeals:get'),
    appealsSaveLetter: helper('appeals:save-letter'),
    appealsResetLetter: helper('appeals:reset-letter'),
    appealsAddAttachment: helper('appeals:add-attachment'),
    appealsRemoveAttachment: helper('appeals:remove-attachment'),
    appealsPreview: helper('appeals:preview'),
    appealsExport: helper('appeals:export'),
    appealsExportBatch: helper('appeals:export-batch'),
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
    async addDroppedFiles(files) {
      const importable = files.filter((file) => /\.(csv|xlsx)$/i.test(file.name));
      if (importable.length === 0) return [];
      const result = await transport.registerDroppedFiles(importable);
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
