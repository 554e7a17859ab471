import { useCallback } from 'react';
import { useApp } from '../../app/context';
import { reportFailure } from '../../app/report-failure';
import { casebook } from '../../bridge';
import { restoreSource, trashSource } from '../../db/sources';
import { sourceTitle, type Source } from '../../../shared/model';

/** A source's name for the system's apps: the file name it was imported under, else its title (main adds the extension). */
const originalName = (source: Pick<Source, 'fileName' | 'title' | 'metadata' | 'edits'>) => (source.fileName?.trim() || sourceTitle(source)).slice(0, 255);

/**
 * What can be done to a source from the library, the reader and the
 * inspector: move it to the Trash (with Undo), open its original in the
 * system's app, or show that original in its folder.
 */
export function useSourceActions() {
  const { db, caseId, nav, toasts, linking } = useApp();

  const trash = useCallback(
    async (id: string) => {
      let moved: { title: string; ids: string[] };
      try {
        moved = await trashSource(db, caseId, id);
      } catch (error) {
        reportFailure(toasts, 'Deleting the source', error);
        return;
      }
      // Nothing keeps showing a source that is gone: its reader goes back to the library, its details close.
      const { main, inspector } = nav.get();
      if (main.kind === 'source' && moved.ids.includes(main.sourceId)) nav.openMain({ kind: 'library' });
      if (inspector.kind === 'source' && moved.ids.includes(inspector.sourceId)) nav.openInspector({ kind: 'closed' });
      toasts.show({
        tone: 'info',
        message: `Moved “${moved.title}” to the Trash. Citations of it show as broken until it is restored.`,
        action: {
          label: 'Undo',
          run: () => {
            void restoreSource(db, id)
              .then((ids) => linking.sourcesRestored(ids))
              .catch((error: unknown) => reportFailure(toasts, 'Restoring the source', error));
          },
        },
      });
    },
    [db, caseId, nav, toasts, linking],
  );

  const viaMain = useCallback(
    async (what: 'open' | 'show', source: Source) => {
      if (!casebook) return reportFailure(toasts, 'Opening the original', new Error('Opening the original needs the Casebook app (no connection to its main process).'));
      const request = { sha256: source.sha256, fileName: originalName(source) };
      const result = what === 'open' ? await casebook.sourceOpenOriginal(request) : await casebook.sourceShowInFolder(request);
      if (!result.ok) reportFailure(toasts, what === 'open' ? 'Opening the original' : 'Showing the original', new Error(result.error.message));
    },
    [toasts],
  );

  return {
    trash,
    openOriginal: useCallback((source: Source) => viaMain('open', source), [viaMain]),
    showInFolder: useCallback((source: Source) => viaMain('show', source), [viaMain]),
  };
}
