/**
 * The Content-Security-Policy of the renderer: only our own scripts, styles, fonts and images, no
 * inline script, no eval, no frames, no plugins, no form posts. The browser harness sends the same
 * policy (scripts/harness/csp.ts; a unit test keeps the two equal) so the e2e tests run the bundle
 * under the policy the desktop app enforces.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Development only: the Vite dev server injects inline scripts and styles (React refresh, CSS) and
 * talks to its HMR websocket.
 */
export function devContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline'`,
    `style-src 'self' 'unsafe-inline'`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${ws}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
