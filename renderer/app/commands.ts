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
import { paneLayout } from './pane-layout';
import { appTheme } from './theme';
import { focusRegion, nextRegion, regionOf, type Region } from './pane-focus';
import { caretBrowsing } from '../features/sources/caret-browsing';
import type { Navigation } from './navigation';

/** F6's stops: the sidebar and inspector only when they can be seen; none while a dialog is up. */
function cyclePanes(nav: Navigation, step: 1 | -1): void {
  if (nav.get().overlay) return;
  const panes = paneLayout();
  const available: Region[] = ['main'];
  if (!panes.layout.get().sidebarCollapsed) available.push('sidebar');
  if (panes.inspectorShown()) available.push('inspector');
  const next = nextRegion(regionOf(document.activeElement), available, step);
  if (next) focusRegion(next);
}

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
      'close-inspector': () => {
        paneLayout().inspectorClosed();
        nav.openInspector({ kind: 'closed' });
      },
      'toggle-sidebar': () => paneLayout().toggle('sidebar'),
      'toggle-inspector': () => paneLayout().toggle('inspector'),
      'focus-next-pane': () => cyclePanes(nav, 1),
      'focus-previous-pane': () => cyclePanes(nav, -1),
      'caret-browsing': () => {
        const on = !caretBrowsing().get();
        caretBrowsing().set(on);
        toasts.show({
          tone: 'info',
          message: on
            ? 'Caret browsing is on: in a source, move with the arrow keys and select with Shift+arrows. F7 turns it off.'
            : 'Caret browsing is off.',
        });
      },
      'theme-light': () => appTheme().choice.set('light'),
      'theme-dark': () => appTheme().choice.set('dark'),
      'theme-system': () => appTheme().choice.set('system'),
    }),
    [services, nav, toasts, create, chooseAndImport],
  );
}
