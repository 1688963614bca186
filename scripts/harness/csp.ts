/**
 * The renderer's Content-Security-Policy, identical to the desktop app's (electron/csp.ts; a unit
 * test keeps them equal), so the browser tests exercise the bundle under the real policy.
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
