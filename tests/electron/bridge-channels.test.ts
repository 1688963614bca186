import { describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS } from '../../electron/bridge-channels.ts';
import { CHANNELS } from '../../shared/contract/index.ts';

describe('the preload channel list', () => {
  it('exposes exactly the contract channels', () => {
    expect(Object.values(BRIDGE_CHANNELS).sort()).toEqual([...CHANNELS].sort());
  });

  it('names each function after its channel as the renderer expects (area:verb-noun -> areaVerbNoun)', () => {
    for (const [name, channel] of Object.entries(BRIDGE_CHANNELS)) {
      expect(name).toBe(channel.replace(/[:-]([a-z])/g, (_m, letter: string) => letter.toUpperCase()));
    }
  });
});
