import type { AppServices } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { writeCaseSnapshot } from '../../db/snapshot';
import { openCase } from '../../app/ui-state';
import type { OpenRequest } from '../../../shared/ipc/contract';
import { reportFailure } from '../../app/report-failure';

/**
 * Restore: main opens the backup (the one picked in its dialog, or `path`, a
 * file the user opened with the app), checks it whole and stores its
 * originals; the case is written here in one transaction, beside the open
 * one, always under fresh ids. The toast offers to open it. Resolves to the
 * restored case's id (undefined when the user cancelled the dialog).
 */
export async function restoreBackup(services: Pick<AppServices, 'db' | 'toasts'>, path?: string): Promise<string | undefined> {
  if (!casebook) throw new Error('Restoring needs the Casebook app (no connection to its main process).');
  const result = path === undefined ? await casebook.backupRestore() : await casebook.backupRestore({ path });
  if (!result.ok) throw new Error(result.error.message);
  if (!result.value.restored) return undefined;
  const written = await writeCaseSnapshot(services.db, result.value.snapshot);
  const title = (await services.db.cases.get(written.caseId))?.title ?? 'the case';
  services.toasts.show({
    tone: 'info',
    message: `Restored “${title}” from ${result.value.fileName}.`,
    action: { label: 'Open', run: () => void openCase(services.db, written.caseId) },
  });
  return written.caseId;
}

/**
 * Double-clicking a .casebook file restores it as a case: main records the
 * paths the system hands it (electron/main/open-requests.ts) and tells this
 * page; each is restored like File → Restore, one at a time, and the window
 * then opens the last one restored (the user opened that file to see it).
 * Called once the page is up: it listens first, then takes what arrived
 * before it did.
 */
export function restoreOpenedBackups(services: Pick<AppServices, 'db' | 'toasts'>, open: (caseId: string) => Promise<void> = (id) => openCase(services.db, id)): () => void {
  if (!casebook) return () => undefined;
  let queue = Promise.resolve();
  let waiting = 0;
  let lastRestored: string | undefined;
  const restore = ({ path, fileName }: OpenRequest) => {
    waiting += 1;
    queue = queue.then(async () => {
      try {
        lastRestored = (await restoreBackup(services, path)) ?? lastRestored;
      } catch (error) {
        reportFailure(services.toasts, `Restoring ${fileName}`, error);
      }
      waiting -= 1;
      // Several files opened at once: the window moves once, after the last.
      if (waiting === 0 && lastRestored) {
        const id = lastRestored;
        lastRestored = undefined;
        await open(id).catch((error: unknown) => reportFailure(services.toasts, 'Opening the restored case', error));
      }
    });
  };
  const stop = casebook.onBackupOpenRequested(restore);
  void casebook
    .backupTakeOpenRequests()
    .then((result) => {
      if (result.ok) result.value.requests.forEach(restore);
      else logError('Asking main for the backups opened with the app failed', new Error(result.error.message));
    })
    .catch((error: unknown) => logError('Asking main for the backups opened with the app failed', error));
  return stop;
}
