import { useEffect } from 'react';
import { useApp } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { useNoteActions } from '../notes/use-note-actions';
import { flushPendingSaves } from '../editor/pending-saves';
import { useChooseAndImport } from '../sources/import/use-import-actions';
import { restoreBackup } from '../export/restore-backup';
import type { MenuCommand } from '../../../shared/ipc/contract';

/**
 * The native menu's Casebook items (electron/main/menu-template.ts), sent by
 * main as `menu:command`: the same actions as the keyboard shortcuts in
 * use-global-shortcuts.ts, plus Restore from backup.
 */
export function useMenuCommands(): void {
  const services = useApp();
  const { nav, toasts } = services;
  const { create } = useNoteActions();
  const chooseAndImport = useChooseAndImport();
  useEffect(() => {
    if (!casebook) return;
    const run: Record<MenuCommand, () => Promise<void> | void> = {
      'new-note': async () => {
        await create();
      },
      import: () => chooseAndImport(),
      export: () => flushPendingSaves().then(() => nav.openOverlay('export')),
      search: () => nav.openOverlay('search'),
      restore: () =>
        restoreBackup(services).catch((error: unknown) => {
          logError('Restoring a backup failed', error);
          toasts.show({ tone: 'error', message: error instanceof Error ? error.message : 'The backup could not be restored.' });
        }),
    };
    return casebook.onMenuCommand(({ command }) => {
      const action = run[command];
      if (action) void action();
    });
  }, [services, nav, toasts, create, chooseAndImport]);
}
