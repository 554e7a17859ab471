import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-url';
import { createCloseGuard } from './close-guard';
import { sendEvent } from './ipc/send-event';
import { mainWindowWebPreferences } from './web-preferences';
import type { InitialWindowBounds } from './window-state';

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
  /** Remembered size and place (window-state.ts); 1440×900 centred without it. */
  bounds?: InitialWindowBounds;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 960, height: 600 };

export function createMainWindow(options: MainWindowOptions): MainWindow {
  const window = new BrowserWindow({
    title: 'Casebook',
    ...(options.bounds?.x !== undefined && options.bounds.y !== undefined ? { x: options.bounds.x, y: options.bounds.y } : {}),
    width: options.bounds?.width ?? DEFAULT_SIZE.width,
    height: options.bounds?.height ?? DEFAULT_SIZE.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    webPreferences: mainWindowWebPreferences({ preloadPath: options.preloadPath, devTools: options.devTools }),
  });
  window.once('ready-to-show', () => {
    // maximize() shows the window itself on Windows and Linux, so it waits until now.
    if (options.bounds?.maximized) window.maximize();
    window.show();
  });

  const guard = createCloseGuard({
    askRenderer: () => sendEvent(window.webContents, 'app:before-close', null),
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
