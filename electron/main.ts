/**
 * Electron main process: the thin desktop host. It owns the window and the database key, creates the
 * same backend the CLI and the browser harness create, and wires IPC. All domain logic lives in db/.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createBackend, type Backend } from '../db/backend/backend.ts';
import { loadDemoIfEmpty } from '../db/demo/load-demo.ts';
import jobWorkerPath from '../db/jobs/job-worker.ts?modulePath';
import previewWorkerPath from '../db/import/preview-worker.ts?modulePath';
import { openStore, StoreError } from '../db/store/open-store.ts';
import { appUrlMatcher, devRendererUrl, startUrl } from './app-origin.ts';
import { DbKeyError, loadOrCreateDbKey } from './db-key.ts';
import { registerDialogIpc } from './dialogs.ts';
import { registerContractIpc } from './ipc.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { installSecurityGuards, installSessionGuards } from './security.ts';
import type { TrustContext } from './trusted-handle.ts';
import { createMainWindow } from './window.ts';

const devUrl = devRendererUrl(app.isPackaged);
// PDF fonts ship as a resource outside the asar in the packaged app; workers inherit the variable.
if (app.isPackaged) process.env.TRIALLEDGER_FONT_DIR = join(process.resourcesPath, 'fonts');
const isAppUrl = appUrlMatcher(devUrl);
let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

// Must happen before `ready`: every renderer sandboxed, our scheme privileged, guards on every contents.
app.enableSandbox();
registerAppScheme();
installSecurityGuards(isAppUrl);

if (!app.requestSingleInstanceLock()) {
  // A second instance would open the same database (and the same job queue): hand over to the first.
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    backend?.db.close();
    backend = null;
  });
  app.whenReady().then(start).catch(fail);
}

async function start(): Promise<void> {
  installSessionGuards(devUrl);
  const dataDir = app.getPath('userData');
  const dbPath = join(dataDir, 'trialledger.db');
  const { key, keyProtection } = await loadOrCreateDbKey(dataDir, dbPath);
  const db = openStore({ path: dbPath, key });
  backend = createBackend({ db, dbPath, key, dataDir, host: 'desktop', keyProtection, version: app.getVersion(), workerUrl: jobWorkerPath, previewWorkerUrl: previewWorkerPath });
  try {
    await loadDemoIfEmpty(db, demoDir());
  } catch (error) {
    // The demo is a convenience; without it the app starts empty and the user imports a package.
    console.error(`[demo] not loaded: ${error instanceof Error ? error.message : 'unknown error'}`);
  }
  const trust: TrustContext = { getWindow: () => mainWindow, isAppUrl };
  serveRenderer(join(import.meta.dirname, '../renderer'));
  registerContractIpc(backend, trust);
  registerDialogIpc(backend, trust);
  openWindow();
  app.on('activate', () => {
    if (mainWindow === null) openWindow();
  });
}

function openWindow(): void {
  mainWindow = createMainWindow({ preloadPath: join(import.meta.dirname, '../preload/preload.cjs'), url: startUrl(devUrl), devTools: !app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** The demo study package: shipped as an extra resource when packaged, read from assets/ in development. */
function demoDir(): string {
  return app.isPackaged ? join(process.resourcesPath, 'demo') : join(app.getAppPath(), 'assets', 'demo');
}

function fail(error: unknown): void {
  const detail = error instanceof DbKeyError || error instanceof StoreError ? error.message : 'See the application log for details.';
  console.error(`[startup] ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : 'non-error thrown'}`);
  dialog.showErrorBox('TrialLedger could not start', detail);
  app.exit(1);
}
