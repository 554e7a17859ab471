import { useMemo } from 'react';
import type { CommandId } from '../../shared/commands';
import { useApp } from './context';
import { commandTargets } from './command-targets';
import { reportFailure } from './report-failure';
import { useNoteActions } from '../features/notes/use-note-actions';
import { flushPendingSaves } from '../features/editor/pending-saves';
import { useChooseAndImport } from '../features/sources/import/use-import-actions';
import { restoreBackup } from '../features/export/restore-backup';
import { addSampleCase } from '../db/seed';
import { openCase } from './ui-state';
import { caseSwitcher } from './case-switcher-control';

export type CommandActions = Record<CommandId, () => void | Promise<unknown>>;

/**
 * What each command of the table (shared/commands.ts) does, once: keys,
 * the native menu and the palette all run these (use-commands.ts), after
 * checking the command's `enabledWhen`.
 */
export function useCommandActions(): CommandActions {
  const services = useApp();
  const { nav, toasts } = services;
  const { create } = useNoteActions();
  const chooseAndImport = useChooseAndImport();
  return useMemo<CommandActions>(
    () => ({
      'new-note': () => create(),
      'new-case': () => caseSwitcher.open('new'),
      'switch-case': () => caseSwitcher.open('list'),
      'add-sample-case': () =>
        addSampleCase(services.db)
          .then((id) => (id === services.caseId ? void toasts.show({ tone: 'info', message: 'The sample case is open.' }) : openCase(services.db, id)))
          .catch((error: unknown) => reportFailure(toasts, 'Adding the sample case', error)),
      import: () => chooseAndImport(),
      // The briefing reads the store: the note being typed is saved first.
      export: () => flushPendingSaves().then(() => nav.openOverlay('export')),
      restore: () => restoreBackup(services).catch((error: unknown) => reportFailure(toasts, 'Restoring a backup', error)),
      save: () => flushPendingSaves(),
      'new-entity': () => nav.openInspector({ kind: 'new-entity' }),
      quote: () => commandTargets.passage()?.quote(),
      'find-in-source': () => commandTargets.reader()?.find(),
      'reader-toggle-view': () => commandTargets.reader()?.togglePdfView?.(),
      'reader-go-to-page': () => commandTargets.reader()?.goToPage?.(),
      'reader-zoom-in': () => commandTargets.pages()?.zoomIn(),
      'reader-zoom-out': () => commandTargets.pages()?.zoomOut(),
      'reader-fit-width': () => commandTargets.pages()?.fitWidth(),
      search: () => nav.openOverlay('search'),
      'command-palette': () => nav.openOverlay('commands'),
      'close-inspector': () => nav.openInspector({ kind: 'closed' }),
    }),
    [services, nav, toasts, create, chooseAndImport],
  );
}
