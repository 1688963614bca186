/**
 * Registers an IPC handler that answers only our own window's main frame showing our renderer
 * (Signal's sql_channel check). Anything else (a subframe, a stray web contents, a page that
 * navigated elsewhere) gets a FORBIDDEN result and the handler never runs.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../shared/contract/index.ts';

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This request is not allowed from here.' } };

export interface TrustContext {
  /** The one app window, or null while there is none. */
  readonly getWindow: () => BrowserWindow | null;
  readonly isAppUrl: (url: string) => boolean;
}

/** True when `event` comes from the main frame of our window, showing our renderer. */
export function isTrustedSender(event: IpcMainInvokeEvent, trust: TrustContext): boolean {
  const window = trust.getWindow();
  const frame = event.senderFrame;
  if (!window || window.isDestroyed() || !frame) return false;
  return event.sender === window.webContents && frame === window.webContents.mainFrame && trust.isAppUrl(frame.url);
}

/** `ipcMain.handle(channel)` behind the sender check; `run` receives the untrusted input and returns a Result. */
export function handleTrusted(channel: string, trust: TrustContext, run: (input: unknown, window: BrowserWindow) => Promise<Result<unknown>>): void {
  ipcMain.handle(channel, async (event, input: unknown) => {
    const window = trust.getWindow();
    if (!window || !isTrustedSender(event, trust)) return FORBIDDEN;
    return run(input, window);
  });
}
