/**
 * The Content-Security-Policy of the renderer: only our own scripts, styles, fonts and images, no
 * inline script, no eval, no plugins, no form posts, and frames only from blob: URLs (the PDF preview of
 * documents the app generated). The desktop shell (app:// protocol) and the browser harness both send
 * it, so the e2e tests run the bundle under the policy the desktop app enforces.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // Generated PDFs (invoices, close-out reports) are previewed in a frame from a blob: URL the app made itself.
  "frame-src blob:",
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
    "frame-src blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
