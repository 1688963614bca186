import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY as desktopPolicy } from '../../electron/csp.ts';
import { resolveInside as desktopResolve } from '../../electron/safe-path.ts';
import { CONTENT_SECURITY_POLICY as harnessPolicy } from '../../scripts/harness/csp.ts';
import { resolveInside as harnessResolve } from '../../scripts/harness/safe-path.ts';

const root = resolve('/srv/web');

// The desktop protocol and the browser harness each have a copy (lint keeps them apart): same cases for both.
describe.each([
  ['electron/safe-path', desktopResolve],
  ['scripts/harness/safe-path', harnessResolve],
])('%s resolveInside', (_name, resolveInside) => {
  it('maps paths inside the root, / to index.html', () => {
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-1.js')).toBe(join(root, 'assets', 'index-1.js'));
    expect(resolveInside(root, '/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
    expect(resolveInside(root, '/assets/../index.html')).toBe(join(root, 'index.html'));
  });

  it('refuses every way out of the root', () => {
    for (const path of ['/..', '/../package.json', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/assets/../../x', '/..%5c..%5cx', '//etc/passwd/../../..']) {
      const got = resolveInside(root, path);
      if (got !== null) expect(got.startsWith(root + '/') || got.startsWith(root + '\\')).toBe(true);
    }
    expect(resolveInside(root, '/../package.json')).toBeNull();
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInside(root, '/..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('refuses NUL bytes and broken percent-encoding', () => {
    expect(resolveInside(root, '/index.html%00.png')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('content security policy', () => {
  it('is the same in the desktop app and the browser harness', () => {
    expect(harnessPolicy).toBe(desktopPolicy);
  });

  it('allows no inline script and no eval', () => {
    expect(desktopPolicy).toContain("script-src 'self'");
    expect(desktopPolicy).not.toContain('unsafe-inline');
    expect(desktopPolicy).not.toContain('unsafe-eval');
  });
});
