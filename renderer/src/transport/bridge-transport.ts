/** The transport of the desktop app: calls the preload's named functions. */
import type { Channel, Result } from '../../../shared/contract/index.ts';
import { bridgeName, type TrialLedgerBridge } from './bridge.ts';
import { unreachable, type Transport } from './transport.ts';

/** Adapts `window.trialledger` to the Transport seam. */
export function createBridgeTransport(bridge: TrialLedgerBridge): Transport {
  return {
    kind: 'electron',
    call(channel: Channel, input: unknown): Promise<Result<unknown>> {
      const fn = (bridge as unknown as Record<string, ((input: unknown) => Promise<Result<unknown>>) | undefined>)[bridgeName(channel)];
      // Only possible when the preload and the renderer come from different builds.
      if (typeof fn !== 'function') return Promise.resolve(unreachable('This version of the app does not offer that request.'));
      return fn(input);
    },
    onJobsChanged: (listener) => bridge.onJobsChanged(listener),
    chooseFiles: (options) => bridge.chooseFiles(options),
    registerDroppedFiles: (files) => bridge.registerDroppedFiles(files),
    saveOutput: (options) => bridge.saveOutput(options),
  };
}
