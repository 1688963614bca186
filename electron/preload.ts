/**
 * The sandboxed preload: exposes `window.trialledger`, a fixed object with one named function per
 * contract channel plus the shell's dialogs and the job push. Never `ipcRenderer` itself or a
 * generic invoke: the renderer can reach exactly these channels, and the main process still checks
 * the sender and validates every input. Built as CommonJS (sandboxed preloads cannot be ES modules)
 * and kept free of zod: the channel names come from a plain list.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { BRIDGE_CHANNELS, JOBS_CHANGED, SHELL_CHANNELS } from './bridge-channels.ts';

type Invoke = (input?: unknown) => Promise<unknown>;

/** A function bound to one channel; the closure is all the renderer receives. */
function bind(channel: string): Invoke {
  return (input) => ipcRenderer.invoke(channel, input ?? {});
}

const contractFunctions = Object.fromEntries(Object.entries(BRIDGE_CHANNELS).map(([name, channel]) => [name, bind(channel)])) as Record<
  keyof typeof BRIDGE_CHANNELS,
  Invoke
>;

contextBridge.exposeInMainWorld('trialledger', {
  ...contractFunctions,
  chooseFiles: bind(SHELL_CHANNELS.chooseFiles),
  saveOutput: bind(SHELL_CHANNELS.saveOutput),
  /**
   * Files dropped on the window: only the preload can see a dropped File's path (webUtils), and a
   * File the page made itself has none, so the page can never name a path of its choosing.
   */
  registerDroppedFiles(files: readonly File[]): Promise<unknown> {
    const paths = [...files].map((file) => webUtils.getPathForFile(file)).filter((path) => path !== '');
    return ipcRenderer.invoke(SHELL_CHANNELS.registerDroppedFiles, { paths });
  },
  /** Subscribes to job state changes; returns the unsubscribe function. The IPC event never reaches the page. */
  onJobsChanged(callback: (state: unknown) => void): () => void {
    const listener = (_event: IpcRendererEvent, state: unknown): void => callback(state);
    ipcRenderer.on(JOBS_CHANGED, listener);
    return () => {
      ipcRenderer.removeListener(JOBS_CHANGED, listener);
    };
  },
});
