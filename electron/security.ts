/**
 * The one place that hardens every web contents the app creates (Electron security checklist,
 * Actual's desktop-electron/security.ts): no navigation away from our renderer, no redirects
 * elsewhere, no new windows, no <webview>, no permissions, and a CSP on every response.
 */
import { app, session, shell, type WebContents } from 'electron';
import { devContentSecurityPolicy } from '../shared/security/csp.ts';

/**
 * Opens `raw` in the user's browser only if it parses as an https: URL; returns whether it did.
 * Anything else (file:, javascript:, custom schemes, garbage) is dropped.
 */
export function openExternalIfSafe(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  void shell.openExternal(url.toString());
  return true;
}

/** Installs the guards on every web contents created from now on. Call before the first window. */
export function installSecurityGuards(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isAppUrl));
}

/** Denies every permission (camera, notifications, geolocation, ...) and, in development, adds the dev CSP. Call when ready. */
export function installSessionGuards(devUrl: string | null): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  if (devUrl) {
    // Production responses come from our protocol handler, which sets the strict CSP itself.
    const policy = devContentSecurityPolicy(new URL(devUrl).origin);
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  }
}

/**
 * A frame may show a blob: URL the app itself created (the PDF preview of a document it generated:
 * `blob:app://…`); the main frame never leaves the app.
 */
export function isAllowedFrameUrl(url: string, isMainFrame: boolean, isAppUrl: (url: string) => boolean): boolean {
  if (isAppUrl(url)) return true;
  return !isMainFrame && url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

function guardContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedFrameUrl(event.url, event.isMainFrame, isAppUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // A link with target=_blank or window.open(): never a new Electron window; https links go to the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
}
