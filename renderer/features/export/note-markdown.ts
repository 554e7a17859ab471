import type { AppServices } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { flushPendingSaves } from '../editor/pending-saves';
import { readCaseSnapshot } from '../../db/snapshot';

/** "Markdown…" on a note: the note as one .md file, mentions as links and citations as footnotes. */
export async function exportNoteMarkdown(services: AppServices, noteId: string): Promise<void> {
  const { db, caseId, toasts } = services;
  try {
    if (!casebook) throw new Error('Exporting needs the Casebook app (no connection to its main process).');
    await flushPendingSaves();
    const snapshot = await readCaseSnapshot(db, caseId);
    const note = snapshot?.notes.find((n) => n.id === noteId);
    if (!snapshot || !note) throw new Error('This note is no longer in the case.');
    // The Markdown writer loads on first use, not with the app.
    const { noteToStandaloneMarkdown } = await import('../../../shared/export/markdown-case');
    const bytes = new TextEncoder().encode(noteToStandaloneMarkdown(note, snapshot));
    const result = await casebook.exportSaveFile({ format: 'markdown', suggestedName: `${note.title}.md`, bytes });
    if (!result.ok) throw new Error(result.error.message);
    if (result.value.saved) toasts.show({ tone: 'info', message: `Saved “${note.title}” to ${result.value.path}.` });
  } catch (error) {
    logError('Exporting a note as Markdown failed', error);
    toasts.show({ tone: 'error', message: error instanceof Error ? error.message : 'The note could not be exported.' });
  }
}
