import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, screen, session, shell } from 'electron';
import { CHANNELS } from '../../shared/ipc/channel-names';
import type { MenuCommand } from '../../shared/ipc/contract';
import { createLogFile } from '../services/log-file';
import { createOriginalsStore } from '../services/originals';
import { createIsolatedImporter } from '../services/import/isolated';
import { IMPORT_FILE_FILTERS } from '../services/import/file-types';
import { utilityImportProcess } from './import-process';
import { createAppFileHandler } from './app-files';
import { APP_ORIGIN, APP_SCHEME } from './app-url';
import { createDispatch } from './ipc/dispatch';
import { createHandlers } from './ipc/handlers';
import { sendEvent } from './ipc/send-event';
import { bundlePaths, logFilePath } from './paths';
import { secureSession, secureWebContents } from './security';
import { createMainWindow, DEFAULT_SIZE, MIN_SIZE, type MainWindow } from './window';
import { createWindowStateStore, initialBounds } from './window-state';
import { buildMenuTemplate } from './menu-template';
import { installCrashLog } from './crash-log';
import { createElectronPrinter } from './print-window';
import { exportBriefingPdf } from '../services/export/briefing-pdf';
import { writeFileAtomic } from '../services/export/write-file-atomic';
import { SAVE_FILTERS } from './save-filters';
import { backupPathsInArgv, createOpenRequests } from './open-requests';
import { readFile } from 'node:fs/promises';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Stack traces in the log then point at the TypeScript, not the bundle.
process.setSourceMapsEnabled(true);

// Must happen before `ready`. standard + secure give casebook://app a real
// origin and a secure context, which is what makes IndexedDB persist there.
// corsEnabled stays off: it would make the app's files readable cross-origin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

// Every renderer sandboxed, not only the windows we remember to configure.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // A second launch only brings the running window forward (see second-instance).
  app.quit();
} else {
  start();
}

function start(): void {
  const paths = bundlePaths(__dirname);
  const log = createLogFile(logFilePath(app.getPath('userData')));
  const reportError = (message: string, error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : JSON.stringify(error);
    log.append({ level: 'error', message, detail }).catch(() => undefined);
  };
  installCrashLog(process, reportError);
  const windowState = createWindowStateStore({
    userDataDir: app.getPath('userData'),
    fs: { readFileSync, writeFileSync, renameSync, mkdirSync },
    onError: reportError,
  });
  const openExternal = (url: string) => {
    shell.openExternal(url).catch((error: unknown) => reportError(`Could not open ${url}`, error));
  };

  let main: MainWindow | null = null;
  let quitting = false;

  // A .casebook file opened with the app: on Windows and Linux its path is an
  // argument (of this launch, or of a second one, below); on macOS it comes as
  // `open-file`, possibly before ready. The page restores it (backup:restore).
  const openRequests = createOpenRequests();
  for (const path of backupPathsInArgv(process.argv, process.cwd())) openRequests.add(path);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openRequests.add(path);
    if (app.isReady() && (!main || main.window.isDestroyed())) openMainWindow();
  });

  if (process.platform === 'win32') app.setAppUserModelId('org.casebook.app');

  app.on('web-contents-created', (_event, contents) => secureWebContents(contents, openExternal));

  app.on('second-instance', (_event, argv: string[] | undefined, workingDirectory: string | undefined) => {
    for (const path of backupPathsInArgv(argv ?? [], workingDirectory ?? process.cwd())) openRequests.add(path);
    if (!main || main.window.isDestroyed()) return;
    if (main.window.isMinimized()) main.window.restore();
    main.window.focus();
  });

  const dispatch = createDispatch(
    createHandlers({
      appInfo: () => ({
        name: app.getName(),
        version: app.getVersion(),
        platform: process.platform,
        dataDir: app.getPath('userData'),
      }),
      openExternal: (url) => shell.openExternal(url),
      log,
      readyToClose: () => main?.rendererReadyToClose(),
      chooseFiles: async () => {
        const options = { title: 'Import sources', properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[], filters: IMPORT_FILE_FILTERS };
        const result = main ? await dialog.showOpenDialog(main.window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? [] : result.filePaths;
      },
      importer: createIsolatedImporter({ spawn: utilityImportProcess(paths.importWorkerPath) }),
      originals: createOriginalsStore(app.getPath('userData')),
      originalCopiesDir: join(app.getPath('temp'), 'Casebook originals'),
      openPath: (path) => shell.openPath(path),
      showItemInFolder: (path) => shell.showItemInFolder(path),
      chooseSavePath: async (suggestedName, format) => {
        const options = { title: 'Save export', defaultPath: suggestedName, filters: SAVE_FILTERS[format] };
        const result = main ? await dialog.showSaveDialog(main.window, options) : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      printBriefing: (model, onProgress) =>
        exportBriefingPdf(model, {
          print: createElectronPrinter(),
          // The @fontsource packages ship with the app (dependencies), read from its node_modules.
          readPackageFile: async (modulePath) => new Uint8Array(await readFile(require.resolve(modulePath))),
          onProgress,
        }),
      writeFileAtomic: (path, bytes) => writeFileAtomic(path, bytes),
      chooseBackupFile: async () => {
        const options = { title: 'Restore a backup', properties: ['openFile'] as 'openFile'[], filters: SAVE_FILTERS.backup };
        const result = main ? await dialog.showOpenDialog(main.window, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      backupsDir: join(app.getPath('userData'), 'backups'),
      openRequests,
    }),
    { trustedOrigins: [APP_ORIGIN], onError: (channel, error) => reportError(`IPC ${channel} failed`, error) },
  );

  function openMainWindow(): void {
    const bounds = initialBounds(windowState.load(), {
      displays: screen.getAllDisplays().map((display) => display.workArea),
      primary: screen.getPrimaryDisplay().workArea,
      defaultSize: DEFAULT_SIZE,
      minSize: MIN_SIZE,
    });
    main = createMainWindow({ preloadPath: paths.preloadPath, devTools: !app.isPackaged, reportError, bounds });
    windowState.track(main.window);
    // A page that reloads (a case switch) asks again for what waits; until then, paths wait.
    main.window.webContents.on('did-start-loading', () => openRequests.detach());
    main.window.on('closed', () => {
      main = null;
      openRequests.detach();
      // On macOS the app outlives its window, so a quit that waited for the
      // close handshake has to be resumed here.
      if (quitting) app.quit();
    });
  }

  function menuCommand(command: MenuCommand): void {
    // On macOS the menu outlives the window: bring one back first.
    if (!main || main.window.isDestroyed()) return openMainWindow();
    sendEvent(main.window.webContents, 'menu:command', { command });
  }
  function showAbout(): void {
    const options = {
      type: 'info' as const,
      title: `About ${app.getName()}`,
      message: `${app.getName()} ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}\nData folder: ${app.getPath('userData')}`,
    };
    (main ? dialog.showMessageBox(main.window, options) : dialog.showMessageBox(options)).catch((error: unknown) => reportError('About failed', error));
  }
  function openLogsFolder(): void {
    // openPath resolves to an error message, or '' when it worked.
    const folder = dirname(log.path);
    mkdirSync(folder, { recursive: true });
    shell.openPath(folder).then(
      (problem) => problem && reportError(`Could not open ${folder}`, problem),
      (error: unknown) => reportError(`Could not open ${folder}`, error),
    );
  }

  app.on('before-quit', () => {
    quitting = true;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(() => {
      secureSession(session.defaultSession);
      protocol.handle(
        APP_SCHEME,
        createAppFileHandler({ rootDir: paths.rendererDir, fetchFile: (fileUrl) => net.fetch(fileUrl) }),
      );
      for (const channel of CHANNELS) {
        ipcMain.handle(channel, (event, payload: unknown) =>
          dispatch(channel, payload, {
            senderUrl: event.senderFrame?.url,
            emit: (name, data) => sendEvent(event.sender, name, data),
          }),
        );
      }
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            appName: app.getName(),
            development: !app.isPackaged,
            actions: { command: menuCommand, openLogsFolder, about: showAbout },
          }),
        ),
      );
      void log.append({ level: 'info', message: `Casebook ${app.getVersion()} started` }).catch(() => undefined);
      openMainWindow();
    })
    .catch((error: unknown) => {
      reportError('Startup failed', error);
      app.exit(1);
    });
}
