/**
 * Where the renderer comes from: the bundled files under the custom `app://trialledger` origin, or,
 * in development only (`electron-vite dev`, never a packaged app), the Vite dev server. Every trust
 * decision of the shell (navigation, IPC senders) asks `isAppUrl`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'trialledger';

/** The dev server URL electron-vite passes in development, or null (always null when packaged). */
export function devRendererUrl(isPackaged: boolean): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  return !isPackaged && url ? url : null;
}

/** The URL the window loads first. */
export function startUrl(devUrl: string | null): string {
  return devUrl ?? `${APP_SCHEME}://${APP_HOST}/index.html`;
}

/** Returns a predicate telling whether a URL belongs to our renderer (parsed, never prefix-matched). */
export function appUrlMatcher(devUrl: string | null): (url: string) => boolean {
  const devOrigin = devUrl ? new URL(devUrl).origin : null;
  return (raw) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return false;
    }
    // Node gives custom schemes an opaque origin ('null'), so compare scheme and host instead.
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return devOrigin !== null && url.origin === devOrigin;
  };
}
