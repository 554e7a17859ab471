import type { AppServices } from '../../app/context';
import { casebook, logError } from '../../bridge';
import { flushPendingSaves } from '../editor/pending-saves';
import { readCaseSnapshot } from '../../db/snapshot';

/**
 * "Markdown…" on a note: the note as one .md file, mentions as links and
 * citations as footnotes. It has no dialog to ask whether to redact, so it
 * redacts whenever the case has a protected entity, as the export dialog
 * does by default (the dialog's Markdown zip can be saved unredacted), and
 * the toast says so.
 */
export async function exportNoteMarkdown(services: AppServices, noteId: string): Promise<void> {
  const { db, caseId, toasts } = services;
  try {
    if (!casebook) throw new Error('Exporting needs the Casebook app (no connection to its main process).');
    await flushPendingSaves();
    const snapshot = await readCaseSnapshot(db, caseId);
    if (!snapshot) throw new Error('This note is no longer in the case.');
    const redact = snapshot.entities.some((e) => e.protected);
    // The Markdown writer loads on first use, not with the app.
    const { encodeNoteMarkdown } = await import('../../../shared/export/encode-case-export');
    const encoded = encodeNoteMarkdown(snapshot, noteId, { redact });
    if (!encoded) throw new Error('This note is no longer in the case.');
    const result = await casebook.exportSaveFile({ format: 'markdown', suggestedName: encoded.suggestedName, bytes: encoded.bytes });
    if (!result.ok) throw new Error(result.error.message);
    if (result.value.saved) toasts.show({ tone: 'info', message: `Saved the note to ${result.value.path}${redact ? ', protected names redacted' : ''}.` });
  } catch (error) {
    logError('Exporting a note as Markdown failed', error);
    toasts.show({ tone: 'error', message: error instanceof Error ? error.message : 'The note could not be exported.' });
  }
}
