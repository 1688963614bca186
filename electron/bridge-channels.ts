/**
 * The contract channels the preload exposes, as `bridgeName: channel`. Written out rather than
 * derived from CONTRACT, because importing the contract would bundle zod and every schema into the
 * sandboxed preload; the `satisfies` clause and a unit test keep this list equal to CHANNELS.
 */
import type { Channel, PushEvents } from '../shared/contract/index.ts';

/** The preload function name of each channel: `studies:list` -> `studiesList`, `app:get-info` -> `appGetInfo`. */
export const BRIDGE_CHANNELS = {
  appGetInfo: 'app:get-info',
  studiesList: 'studies:list',
  studiesGet: 'studies:get',
  studiesBillingGrid: 'studies:billing-grid',
  importsPreview: 'imports:preview',
  importsStart: 'imports:start',
  importsHistory: 'imports:history',
  importsExportProblems: 'imports:export-problems',
  mappingsList: 'mappings:list',
  mappingsSave: 'mappings:save',
  mappingsDelete: 'mappings:delete',
  jobsGet: 'jobs:get',
  jobsCancel: 'jobs:cancel',
  jobsList: 'jobs:list',
  findingsRun: 'findings:run',
  findingsList: 'findings:list',
  findingsCount: 'findings:count',
  findingsGroups: 'findings:groups',
  findingsGet: 'findings:get',
  findingsSetStatus: 'findings:set-status',
  findingsAssign: 'findings:assign',
  findingsAddNote: 'findings:add-note',
  findingsSummary: 'findings:summary',
  findingsAtRisk: 'findings:at-risk',
  findingsTrend: 'findings:trend',
  findingsExport: 'findings:export',
  findingsAssignees: 'findings:assignees',
  viewsList: 'views:list',
  viewsSave: 'views:save',
  viewsDelete: 'views:delete',
  subjectsList: 'subjects:list',
  subjectsTimeline: 'subjects:timeline',
  invoicesPropose: 'invoices:propose',
  invoicesCreateDraft: 'invoices:create-draft',
  invoicesUpdateDraft: 'invoices:update-draft',
  invoicesDraftOptions: 'invoices:draft-options',
  invoicesDeleteDraft: 'invoices:delete-draft',
  invoicesIssue: 'invoices:issue',
  invoicesGet: 'invoices:get',
  invoicesList: 'invoices:list',
  invoicesCreditMemo: 'invoices:credit-memo',
  invoicesRender: 'invoices:render',
  invoicesRenderBatch: 'invoices:render-batch',
  invoicesReadOutput: 'invoices:read-output',
  paymentsRecord: 'payments:record',
  paymentsApply: 'payments:apply',
  paymentsUnapply: 'payments:unapply',
  paymentsList: 'payments:list',
  receivablesAging: 'receivables:aging',
  closeoutGet: 'closeout:get',
  closeoutRender: 'closeout:render',
  closeoutCreateRelease: 'closeout:create-release',
  settingsGetSite: 'settings:get-site',
  settingsSaveSite: 'settings:save-site',
  remitImport: 'remit:import',
  remitFiles: 'remit:files',
  denialsList: 'denials:list',
  denialsGet: 'denials:get',
  denialsSummary: 'denials:summary',
  denialsSetStatus: 'denials:set-status',
  denialsRetriage: 'denials:retriage',
  denialsMetrics: 'denials:metrics',
  denialsPayerSettings: 'denials:payer-settings',
  denialsSavePayerSetting: 'denials:save-payer-setting',
  appealsGet: 'appeals:get',
  appealsSaveLetter: 'appeals:save-letter',
  appealsResetLetter: 'appeals:reset-letter',
  appealsAddAttachment: 'appeals:add-attachment',
  appealsRemoveAttachment: 'appeals:remove-attachment',
  appealsPreview: 'appeals:preview',
  appealsExport: 'appeals:export',
  appealsExportBatch: 'appeals:export-batch',
} as const satisfies Record<string, Channel>;

// A channel added to the contract but not here is a compile error (the unit test also checks names).
type Missing = Exclude<Channel, (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS]>;
const everyChannelExposed: [Missing] extends [never] ? true : Missing = true;
void everyChannelExposed;

/** Channels of the shell itself (native dialogs), outside the backend contract. */
export const SHELL_CHANNELS = {
  chooseFiles: 'dialog:choose-files',
  saveOutput: 'dialog:save-output',
  registerDroppedFiles: 'dialog:register-dropped',
} as const;

/** The one push the main process sends to the renderer. */
export const JOBS_CHANGED = 'jobs:changed' satisfies keyof PushEvents;
