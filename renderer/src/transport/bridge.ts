/**
 * The shape of `window.trialledger`, the object the Electron preload exposes: one named function per
 * contract channel (`studies:list` -> `studiesList`), plus the shell's dialogs and the job push.
 * electron/bridge-channels.ts lists the same names; tests hold both to the rule of `bridgeName`.
 */
import type { Channel, InputOf, OutputOf, Result } from '../../../shared/contract/index.ts';
import type { FileRef } from '../../../shared/contract/imports.ts';
import type { JobState } from '../../../shared/contract/jobs.ts';
import type { ChooseFilesOptions, SaveOutputOptions } from './transport.ts';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `app:get-info` -> `appGetInfo`, at the type level. */
export type BridgeName<C extends string> = C extends `${infer Area}:${infer Rest}` ? `${Area}${Capitalize<CamelCase<Rest>>}` : never;

/** `app:get-info` -> `appGetInfo`. */
export function bridgeName<C extends Channel>(channel: C): BridgeName<C> {
  return channel.replace(/[:-]([a-z])/g, (_match, letter: string) => letter.toUpperCase()) as BridgeName<C>;
}

export type ContractBridge = { readonly [C in Channel as BridgeName<C>]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

export interface ShellBridge {
  onJobsChanged(listener: (state: JobState) => void): () => void;
  chooseFiles(options: ChooseFilesOptions): Promise<Result<FileRef[]>>;
  /** The preload finds each dropped File's path (webUtils) and the main process registers it. */
  registerDroppedFiles(files: readonly File[]): Promise<Result<FileRef[]>>;
  saveOutput(options: SaveOutputOptions): Promise<Result<boolean>>;
}

export type TrialLedgerBridge = ContractBridge & ShellBridge;

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    readonly trialledger?: TrialLedgerBridge;
  }
}
