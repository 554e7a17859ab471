import type { Session, WebPreferences } from 'electron';

/**
 * The webPreferences of every window the app opens, in one place so the
 * security checklist test (tests/electron/security-checklist.test.ts) asserts
 * exactly what `new BrowserWindow` receives. Each value is spelled out even
 * where it is Electron's default: a default that changes, or a copy-pasted
 * window, must not loosen anything silently.
 */
const HARDENED = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export function mainWindowWebPreferences(options: { preloadPath: string; devTools: boolean }): WebPreferences {
  return { preload: options.preloadPath, ...HARDENED, spellcheck: true, devTools: options.devTools };
}

/**
 * The hidden print window: no scripts and no preload at all, in its own
 * session whose requests are all cancelled but the one file being printed.
 */
export function printWindowWebPreferences(session: Session): WebPreferences {
  return { session, javascript: false, ...HARDENED, images: true, spellcheck: false };
}
