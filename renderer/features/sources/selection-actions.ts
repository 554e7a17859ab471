import type { Source } from '../../../shared/model';
import { getInCase } from '../../db/case-scope';
import { pageAt, sourceTitle } from '../../../shared/model';
import type { CitationAttrs } from '../../../shared/editor/citation';
import type { AppServices } from '../../app/context';
import { appendQuoteToNote, createNote } from '../../db/notes';
import { newId } from '../../db/ids';
import { addAlias } from '../../db/entities';
import { quoteDisplayText } from '../../../shared/sources/quote-text';

export interface TextSelection {
  start: number;
  end: number;
  text: string;
}

/** Narrows a selected range to its words: no leading or trailing whitespace. */
export function trimSelection(text: string, start: number, end: number): TextSelection | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e, text: text.slice(s, e) } : null;
}

/**
 * "Quote in note": appends the passage as a blockquote with its citation to
 * the note last open (or a new "Notes on …" note), and says where it went.
 */
export async function quoteInNote(services: AppServices, source: Source, selection: TextSelection): Promise<void> {
  const { db, nav, toasts, linking, caseId } = services;
  const last = nav.get().lastNoteId;
  const lastNote = last ? await getInCase(db.notes, caseId, last) : undefined;
  const noteId = lastNote && !lastNote.deletedAt ? lastNote.id : await createNote(db, caseId, `Notes on ${sourceTitle(source)}`);
  const citation: CitationAttrs = {
    citationId: newId('cite'),
    sourceId: source.id,
    start: selection.start,
    end: selection.end,
    page: pageAt(source.pages, selection.start),
    quote: selection.text,
    sourceSha256: source.sha256,
    sourceTitle: sourceTitle(source),
  };
  // The note shows the passage as the reflowed view reads it; the citation keeps the exact characters.
  const body = await getInCase(db.sourceBodies, caseId, source.id);
  const display = body ? quoteDisplayText(body.text, source.pages, selection.start, selection.end) : undefined;
  await appendQuoteToNote(db, noteId, citation, display);
  linking.noteSaved(noteId);
  const title = (await db.notes.get(noteId))?.title ?? 'the note';
  toasts.show({ tone: 'info', message: `Quoted in “${title}”.`, action: { label: 'Open note', run: () => nav.openMain({ kind: 'note', noteId }) } });
}

/** "Add as alias": the selected words become another name of an entity (and the case is re-linked). */
export async function addAliasFromSelection(services: AppServices, entityId: string, alias: string): Promise<void> {
  const { db, caseId, toasts } = services;
  const { added, entity, alias: clean } = await addAlias(db, caseId, entityId, alias);
  toasts.show({ tone: 'info', message: added ? `Added “${clean}” as a name of ${entity.name}.` : `“${clean}” is already a name of ${entity.name}.` });
}
