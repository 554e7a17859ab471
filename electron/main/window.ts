import { BrowserWindow } from 'electron';
import type { EventChannel } from '../../shared/ipc/contract';
import { APP_ENTRY_URL } from './app-url';
import { createCloseGuard } from './close-guard';

const BEFORE_CLOSE: EventChannel = 'app:before-close';
/** Long enough to flush a debounced save, short enough that a hung page can't trap the user. */
const CLOSE_TIMEOUT_MS = 3000;

export interface MainWindow {
  window: BrowserWindow;
  /** Handler for `window:ready-to-close`: the renderer has flushed its saves. */
  rendererReadyToClose(): void;
}

export interface MainWindowOptions {
  preloadPath: string;
  devTools: boolean;
  /** Where failures that reach no user interface are reported (the log file). */
  reportError: (message: string, error: unknown) => void;
}

export function createMainWindow(options: MainWindowOptions): MainWindow {
  const window = new BrowserWindow({
    title: 'Casebook',
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      devTools: options.devTools,
    },
  });
  window.once('ready-to-show', () => window.show());

  const guard = createCloseGuard({
    askRenderer: () => window.webContents.send(BEFORE_CLOSE, null),
    closeWindow: (force) => {
      if (window.isDestroyed()) return;
      if (force) window.destroy();
      else window.close();
    },
    timeoutMs: CLOSE_TIMEOUT_MS,
  });
  window.on('close', (event) => {
    if (!guard.shouldClose()) event.preventDefault();
  });
  window.webContents.on('did-finish-load', () => guard.rendererLoaded());
  window.webContents.on('render-process-gone', (_event, details) => {
    guard.rendererGone();
    options.reportError(`Renderer process gone: ${details.reason}`, details);
  });

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    options.reportError(`Could not load ${APP_ENTRY_URL}`, error);
  });
  return { window, rendererReadyToClose: () => guard.rendererReady() };
}
