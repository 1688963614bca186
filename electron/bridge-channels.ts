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
  importsPreview: 'imports:preview',
  importsStart: 'imports:start',
  importsHistory: 'imports:history',
  mappingsList: 'mappings:list',
  mappingsSave: 'mappings:save',
  mappingsDelete: 'mappings:delete',
  jobsGet: 'jobs:get',
  jobsCancel: 'jobs:cancel',
  jobsList: 'jobs:list',
  findingsRun: 'findings:run',
  findingsList: 'findings:list',
  findingsGroups: 'findings:groups',
  findingsGet: 'findings:get',
  findingsSetStatus: 'findings:set-status',
  findingsAssign: 'findings:assign',
  findingsAddNote: 'findings:add-note',
  findingsSummary: 'findings:summary',
} as const satisfies Record<string, Channel>;

// A channel added to the contract but not here is a compile error (the unit test also checks names).
type Missing = Exclude<Channel, (typeof BRIDGE_CHANNELS)[keyof typeof BRIDGE_CHANNELS]>;
const everyChannelExposed: [Missing] extends [never] ? true : Missing = true;
void everyChannelExposed;

/** Channels of the shell itself (native dialogs), outside the backend contract. */
export const SHELL_CHANNELS = {
  chooseFiles: 'dialog:choose-files',
  saveOutput: 'dialog:save-output',
} as const;

/** The one push the main process sends to the renderer. */
export const JOBS_CHANGED = 'jobs:changed' satisfies keyof PushEvents;
