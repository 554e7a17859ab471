import { useCallback } from 'react';
import { useApp } from '../../app/context';
import { createNote, deleteNote, listNotes, restoreNote } from '../../db/notes';
import { logError } from '../../bridge';

/** Create and delete (with Undo) notes, keeping the middle pane pointed somewhere sensible. */
export function useNoteActions() {
  const { db, caseId, nav, toasts } = useApp();

  const create = useCallback(async () => {
    try {
      const id = await createNote(db, caseId);
      nav.openMain({ kind: 'note', noteId: id });
      return id;
    } catch (error) {
      logError('Creating a note failed', error);
      toasts.show({ tone: 'error', message: 'Could not create a note. Check free disk space and try again.' });
      return null;
    }
  }, [db, caseId, nav, toasts]);

  const remove = useCallback(
    async (id: string, title: string) => {
      try {
        await deleteNote(db, id);
      } catch (error) {
        logError('Deleting a note failed', error);
        toasts.show({ tone: 'error', message: `Could not delete “${title}”.` });
        return;
      }
      const main = nav.get().main;
      if (main.kind === 'note' && main.noteId === id) {
        const [next] = await listNotes(db, caseId, 1);
        nav.openMain(next ? { kind: 'note', noteId: next.id } : { kind: 'none' });
      }
      toasts.show({
        tone: 'info',
        message: `Deleted “${title}”.`,
        action: {
          label: 'Undo',
          run: () => {
            void restoreNote(db, id).then(() => nav.openMain({ kind: 'note', noteId: id }));
          },
        },
      });
    },
    [db, caseId, nav, toasts],
  );

  return { create, remove };
}
