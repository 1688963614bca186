import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../db/util/safe-path.ts';
import { CONTENT_SECURITY_POLICY, devContentSecurityPolicy } from '../../shared/security/csp.ts';

const root = resolve('/srv/web');

// The desktop app:// protocol and the browser harness both serve the renderer through resolveInside.
describe('resolveInside', () => {
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
  it('allows no inline script and no eval, and frames only from blob: (generated PDF previews)', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).toContain('frame-src blob:');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('relaxes only what the Vite dev server needs in development', () => {
    const dev = devContentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain('connect-src \'self\' ws://localhost:5173');
    expect(dev).not.toContain('unsafe-eval');
  });
});
