/**
 * Connects the renderer to the backend: one `ipcMain.handle` per contract channel, each behind the
 * sender check and then `dispatch` (schema validation, handler, Result). Job state changes are
 * pushed to the window as `jobs:changed`.
 */
import type { Backend } from '../db/backend/backend.ts';
import { dispatch } from '../db/backend/dispatch.ts';
import { CHANNELS } from '../shared/contract/index.ts';
import { JOBS_CHANGED } from './bridge-channels.ts';
import { handleTrusted, type TrustContext } from './trusted-handle.ts';

/** Registers every contract channel and the job push. Call once, when `app` is ready. */
export function registerContractIpc(backend: Backend, trust: TrustContext): void {
  for (const channel of CHANNELS) {
    handleTrusted(channel, trust, (input) => dispatch(backend, channel, input));
  }
  backend.jobs.onChange((state) => {
    const window = trust.getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(JOBS_CHANGED, state);
  });
}
