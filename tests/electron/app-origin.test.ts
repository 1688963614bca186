import { describe, expect, it } from 'vitest';
import { appUrlMatcher, startUrl } from '../../electron/app-origin.ts';

describe('appUrlMatcher', () => {
  const packaged = appUrlMatcher(null);

  it('accepts only our app:// host', () => {
    expect(packaged('app://trialledger/index.html')).toBe(true);
    expect(packaged('app://trialledger/assets/x.js?v=1#top')).toBe(true);
    expect(packaged('app://evil/index.html')).toBe(false);
    expect(packaged('app://trialledger.evil/index.html')).toBe(false);
    expect(packaged('https://trialledger/index.html')).toBe(false);
    expect(packaged('file:///etc/passwd')).toBe(false);
    expect(packaged('javascript:alert(1)')).toBe(false);
    expect(packaged('not a url')).toBe(false);
  });

  it('accepts the dev server origin in development only', () => {
    const dev = appUrlMatcher('http://localhost:5173/');
    expect(dev('http://localhost:5173/index.html')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('http://localhost.evil:5173/')).toBe(false);
    expect(packaged('http://localhost:5173/')).toBe(false);
  });

  it('starts at the bundled index unless a dev server is given', () => {
    expect(startUrl(null)).toBe('app://trialledger/index.html');
    expect(startUrl('http://localhost:5173/')).toBe('http://localhost:5173/');
  });
});
