import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource-variable/inter';
import '@fontsource/source-serif-4/400.css';
import '@fontsource/source-serif-4/400-italic.css';
import '@fontsource/source-serif-4/600.css';
import './styles/app.css';
import { App } from './app/App';
import { createNavigation } from './app/navigation';
import { initialView } from './app/ui-state';
import { DATABASE_NAME, openDatabase } from './db/database';
import { backupBeforeUpgrade } from './features/backup/pre-upgrade';
import { startAutoBackup } from './features/backup/auto-backup';
import { restoreOpenedBackups } from './features/export/restore-backup';
import { backupNotice } from './features/backup/backup-notice';
import { createCase } from './db/cases';
import { seedOnFirstRun } from './app/first-run';
import { isQuotaExceeded } from './db/errors';
import { createToasts } from './app/toasts';
import { createImportQueue } from './features/sources/import/import-queue';
import { flushPendingSaves } from './features/editor/pending-saves';
import { LinkingService, linkerWorker } from './features/linking/linking-service';
import { SearchService, searchWorker } from './features/search/search-service';
import { afterFirstScreen } from './app/readiness';
import { casebook, logError } from './bridge';
import { appTheme } from './app/theme';

// The theme is on <html> before anything is drawn, so a dark window never flashes light.
appTheme();

const root = createRoot(document.getElementById('root')!);

async function start(): Promise<void> {
  const db = openDatabase();
  // An older store is backed up, read the old way, before this code upgrades it.
  await backupBeforeUpgrade(DATABASE_NAME, casebook, logError).catch((error: unknown) => logError('The backup before the upgrade failed', error));
  await db.open();
  // Ask the browser not to evict the case under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
  // The very first start opens the sample and offers, once, to start one's own case instead.
  await seedOnFirstRun(db);
  // Every case deleted: start the user's own, empty one rather than nothing.
  const view = (await initialView(db)) ?? (await createCase(db, 'Untitled case').then(() => initialView(db)));
  if (!view) throw new Error('No case found in the store.');

  // Never lose the last words: flush on hide, and before main closes the window.
  window.addEventListener('pagehide', () => void flushPendingSaves());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushPendingSaves();
  });
  casebook?.onAppBeforeClose(() => {
    void flushPendingSaves().finally(() => casebook?.windowReadyToClose());
  });

  // A file dropped anywhere must not navigate the window to it; the drop
  // zone (features/sources/import) imports it instead.
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());

  // Linking runs in a worker and in the background: started after the first paint's data is read.
  const linking = new LinkingService(db, view.caseId, linkerWorker(), linkerWorker());
  const services = {
    db,
    caseId: view.caseId,
    nav: createNavigation({ main: view.main, inspector: { kind: 'closed' } }),
    toasts: createToasts(),
    importQueue: createImportQueue({ api: casebook, db, caseId: view.caseId, onSourcesAdded: (ids) => linking.sourcesAdded(ids) }),
    linking,
    search: new SearchService(db, view.caseId, searchWorker()),
  };
  root.render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
  startAutoBackup({ db, api: casebook, log: logError, notice: backupNotice });
  // A .casebook file opened with the app (double-click) is restored as a case.
  restoreOpenedBackups(services);
  // Linking and the search index read the whole case: they start once the
  // first screen is up, so opening the app never waits for them.
  void afterFirstScreen()
    .then(() => {
      linking.start();
      return services.search.start();
    })
    .catch((error: unknown) => logError('Starting background linking or search failed', error));
}

start().catch((error: unknown) => {
  logError('Casebook could not start', error);
  root.render(
    <div className="startup-error" role="alert">
      <h1>Casebook could not open your case</h1>
      <p>{isQuotaExceeded(error) ? 'The disk is full. Free some space and restart Casebook.' : 'The local store could not be opened. Your data has not been changed. Restart Casebook; if this keeps happening, send us the log file.'}</p>
      <pre>{error instanceof Error ? error.message : String(error)}</pre>
    </div>,
  );
});
