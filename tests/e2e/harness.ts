import { mkdtempSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { createDispatch } from '../../electron/main/ipc/dispatch';
import { createHandlers } from '../../electron/main/ipc/handlers';
import { exportBriefingPdf, type PrintHtml } from '../../electron/services/export/briefing-pdf';
import { writeFileAtomic } from '../../electron/services/export/write-file-atomic';
import { cdpPrinter, offlineScriptlessContext } from '../fixtures/cdp-print';
import { createLogFile } from '../../electron/services/log-file';
import { createOriginalsStore } from '../../electron/services/originals';
import { createOpenRequests } from '../../electron/main/open-requests';
import { createIsolatedImporter } from '../../electron/services/import/isolated';
import { nodeImportProcess } from '../../electron/services/import/node-process';
import { decodeBytes } from './bytes-transport';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from './chromium';
import { IMPORT_WORKER, RENDERER_DIST, REPO_ROOT } from './build-renderer';

const requireFromHere = createRequire(import.meta.url);

/** A user's machine: a browser profile (IndexedDB lives there), main's data folder, and the app's address. */
export interface Profile {
  userDataDir: string;
  dataDir: string;
  /** The origin must stay the same across launches, or IndexedDB starts empty. */
  port: number;
}

export interface LaunchedApp {
  page: Page;
  context: BrowserContext;
  profile: Profile;
  /** URLs main was asked to open externally (after its checks passed). */
  openedExternally: string[];
  /** Files main opened in the system's apps (`shell.openPath`), and showed in their folder (`shell.showItemInFolder`). */
  openedPaths: string[];
  shownInFolder: string[];
  /**
   * What the user picks in the next native open dialogs, one list per dialog
   * (the stand-in for a dialog no browser can show); an empty queue is a cancel.
   */
  dialogPicks: string[][];
  /** Where the user saves in the next native save dialogs; an empty queue is a cancel. */
  savePicks: string[];
  /**
   * The user opens a .casebook file with the running app (a double-click):
   * what index.ts does with a second launch's argv or macOS's `open-file`.
   */
  openWithApp(path: string): void;
  /** Uncaught errors in the page; journeys assert there are none. */
  pageErrors: Error[];
  /** Waits until the case is shown and the editor is ready. */
  ready(): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** Closes like the window's close button: main asks the renderer to flush, then closes. */
  close(): Promise<void>;
}

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../test-results/screenshots', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function createProfile(): Promise<Profile> {
  const root = mkdtempSync(join(tmpdir(), 'casebook-profile-'));
  const userDataDir = join(root, 'chromium');
  const dataDir = join(root, 'data');
  mkdirSync(userDataDir);
  mkdirSync(dataDir);
  return { userDataDir, dataDir, port: await freePort() };
}

let preloadSource: Promise<string> | null = null;
function harnessPreload(): Promise<string> {
  preloadSource ??= esbuild({
    entryPoints: [join(REPO_ROOT, 'tests/e2e/harness-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return preloadSource;
}

/**
 * Starts Casebook as a user would meet it: the production renderer build,
 * served from loopback, in real Chromium with the given (or a fresh)
 * profile, and `window.casebook` bound to main's real handlers and
 * dispatcher (sender check, zod validation, services writing to disk).
 */
export async function launchApp(
  options: {
    profile?: Profile;
    viewport?: { width: number; height: number };
    /** The system's light or dark setting, as `prefers-color-scheme` reports it (the app follows it unless told otherwise). */
    colorScheme?: 'light' | 'dark';
    /** Files the app is started with (argv), as a double-click that starts it would. */
    openWith?: string[];
  } = {},
): Promise<LaunchedApp> {
  assertChromium();
  const profile = options.profile ?? (await createProfile());
  const origin = `http://127.0.0.1:${profile.port}`;

  const server: PreviewServer = await preview({
    configFile: false,
    root: RENDERER_DIST,
    base: './',
    logLevel: 'silent',
    build: { outDir: RENDERER_DIST },
    preview: { host: '127.0.0.1', port: profile.port, strictPort: true, open: false },
  });

  const openedExternally: string[] = [];
  const openedPaths: string[] = [];
  const shownInFolder: string[] = [];
  const dialogPicks: string[][] = [];
  const savePicks: string[] = [];
  // The print window: a separate Chromium, scripts off and offline, started on the first printing.
  let printBrowser: Browser | undefined;
  let printer: Promise<PrintHtml> | undefined;
  const print: PrintHtml = async (html, options) => {
    printer ??= (async () => {
      printBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      return cdpPrinter(await offlineScriptlessContext(printBrowser));
    })().catch((error: unknown) => {
      printer = undefined; // The next export tries again.
      throw error;
    });
    return (await printer)(html, options);
  };
  let readyToClose: (() => void) | null = null;
  const openRequests = createOpenRequests();
  for (const path of options.openWith ?? []) openRequests.add(path);
  const dispatch = createDispatch(
    createHandlers({
      appInfo: () => ({ name: 'Casebook', version: '0.0.0-test', platform: process.platform, dataDir: profile.dataDir }),
      openExternal: async (url) => {
        openedExternally.push(url);
      },
      log: createLogFile(join(profile.dataDir, 'logs', 'casebook.log')),
      readyToClose: () => readyToClose?.(),
      chooseFiles: async () => dialogPicks.shift() ?? [],
      importer: createIsolatedImporter({ spawn: nodeImportProcess(IMPORT_WORKER) }),
      originals: createOriginalsStore(profile.dataDir),
      chooseSavePath: async () => savePicks.shift() ?? null,
      printBriefing: (model, onProgress) =>
        exportBriefingPdf(model, {
          print,
          readPackageFile: async (modulePath) => new Uint8Array(await readFile(requireFromHere.resolve(modulePath))),
          onProgress,
        }),
      writeFileAtomic,
      chooseBackupFile: async () => dialogPicks.shift()?.[0] ?? null,
      backupsDir: join(profile.dataDir, 'backups'),
      openRequests,
      // The system's apps: recorded, for journeys to check what main was asked to open.
      openPath: async (path) => {
        openedPaths.push(path);
        return '';
      },
      showItemInFolder: (path) => {
        shownInFolder.push(path);
      },
    }),
    { trustedOrigins: [origin] },
  );

  const context = await chromium.launchPersistentContext(profile.userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.exposeBinding('__casebookInvoke', (source, channel: string, payload: unknown) =>
    dispatch(channel, decodeBytes(payload), {
      senderUrl: source.frame.url(),
      emit: (name, data) => {
        source.frame
          .evaluate(([c, d]) => (window as unknown as { __casebookEmit: (c: string, d: unknown) => void }).__casebookEmit(c, d), [name, data] as const)
          .catch(() => undefined); // The page may be gone; events are best effort, as in Electron.
      },
    }),
  );
  await context.addInitScript({ content: await harnessPreload() });

  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  // As main does on did-start-loading: a page that reloads asks again for what waits.
  page.on('framenavigated', (frame) => frame === page.mainFrame() && openRequests.detach());
  await page.goto(`${origin}/index.html`);

  const app: LaunchedApp = {
    page,
    context,
    profile,
    openedExternally,
    openedPaths,
    shownInFolder,
    dialogPicks,
    savePicks,
    openWithApp: (path) => {
      openRequests.add(path);
    },
    pageErrors,
    ready: async () => {
      await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    },
    screenshot: async (name) => {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      const confirmed = new Promise<void>((resolve) => {
        readyToClose = resolve;
        setTimeout(resolve, 3000); // Same grace main gives a hung renderer.
      });
      await page.evaluate(() => (window as unknown as { __casebookEmit: (c: string, p: null) => void }).__casebookEmit('app:before-close', null)).catch(() => undefined);
      await confirmed;
      await context.close();
      await printBrowser?.close();
      await server.close();
    },
  };
  try {
    await app.ready();
  } catch (error) {
    await app.screenshot('startup-failure').catch(() => undefined);
    await context.close();
    await server.close();
    const reasons = pageErrors.map((e) => e.message).join('; ');
    throw new Error(`Casebook did not become ready${reasons ? `: ${reasons}` : ''}`, { cause: error });
  }
  return app;
}
