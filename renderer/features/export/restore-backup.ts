import type { AppServices } from '../../app/context';
import { casebook } from '../../bridge';
import { writeCaseSnapshot } from '../../db/snapshot';
import { openCase } from '../../app/ui-state';

/**
 * Restore: main opens the dialog, checks the whole backup and stores its
 * originals; the case is written here in one transaction, beside the open
 * one, always under fresh ids. The toast offers to open it.
 */
export async function restoreBackup(services: AppServices): Promise<void> {
  if (!casebook) throw new Error('Restoring needs the Casebook app (no connection to its main process).');
  const result = await casebook.backupRestore();
  if (!result.ok) throw new Error(result.error.message);
  if (!result.value.restored) return;
  const written = await writeCaseSnapshot(services.db, result.value.snapshot);
  const title = (await services.db.cases.get(written.caseId))?.title ?? 'the case';
  services.toasts.show({
    tone: 'info',
    message: `Restored “${title}” from ${result.value.fileName}.`,
    action: { label: 'Open', run: () => void openCase(services.db, written.caseId) },
  });
}
