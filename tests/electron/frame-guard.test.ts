import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, session: {}, shell: { openExternal: vi.fn() } }));
const { isAllowedFrameUrl } = await import('../../electron/security.ts');

const isAppUrl = (url: string): boolean => url.startsWith('app://trialledger/');

describe('frame navigation guard', () => {
  it('lets a sub-frame show a blob: URL of our own origin (PDF preview), never the main frame', () => {
    expect(isAllowedFrameUrl('blob:app://trialledger/5b1c2d', false, isAppUrl)).toBe(true);
    expect(isAllowedFrameUrl('blob:app://trialledger/5b1c2d', true, isAppUrl)).toBe(false);
  });
  it('refuses blobs of other origins and everything off the app', () => {
    expect(isAllowedFrameUrl('blob:https://evil.example/1', false, isAppUrl)).toBe(false);
    expect(isAllowedFrameUrl('https://evil.example/', false, isAppUrl)).toBe(false);
    expect(isAllowedFrameUrl('file:///etc/passwd', false, isAppUrl)).toBe(false);
    expect(isAllowedFrameUrl('app://trialledger/index.html', true, isAppUrl)).toBe(true);
  });
});
