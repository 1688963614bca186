/** The one application window, with every web preference on its safe setting. */
import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly url: string;
  /** DevTools only in development. */
  readonly devTools: boolean;
}

/** Creates the window, shows it once painted, and loads the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'TrialLedger',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Chromium's built-in PDF viewer (the preview of generated invoices and appeal packets) is a plugin.
      plugins: true,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}
