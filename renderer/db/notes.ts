import Dexie from 'dexie';
import type { JSONContent } from '@tiptap/core';
import { hasTag, tagsSchema, type Note } from '../../shared/model';
import { citationNode, emptyDocument, noteTextAndMentions, type NoteDerivedRows } from '../../shared/editor/document';
import { cleanQuote } from '../../shared/sources/reflow';
import type { CitationAttrs } from '../../shared/editor/citation';
import type { CasebookDexie } from './database';
import { newId } from './ids';
import { keepCurrentVersion, keepVersionBeforeSave } from './history';

export const UNTITLED = 'Untitled note';

export async function createNote(db: CasebookDexie, caseId: string, title = UNTITLED): Promise<string> {
  const now = Date.now();
  const note: Note = { id: newId('note'), caseId, title, content: emptyDocument(), text: '', createdAt: now, updatedAt: now };
  await db.notes.add(note);
  return note.id;
}

export async function renameNote(db: CasebookDexie, id: string, title: string): Promise<void> {
  const clean = title.replace(/\s+/g, ' ').trim() || UNTITLED;
  await db.notes.update(id, { title: clean, updatedAt: Date.now() });
}

/**
 * Saves a note's document with its plain text, and brings the note's
 * mention and citation rows in step with the nodes it now holds, in one
 * transaction so backlinks and citation rows never disagree with the text.
 * Only rows that changed are written, a slice at a time: a 2,000-mention
 * note saved after a few words typed at its end writes a handful, and one
 * typed in the middle writes the rows after the caret (their offsets moved)
 * in slices short enough that a keystroke never waits behind them
 * (rewriting all of them in one go made every autosave a 200 ms long task).
 */
export async function saveNoteContent(db: CasebookDexie, id: string, content: JSONContent, title?: string, derived?: DerivedForSave): Promise<void> {
  await db.transaction('rw', [db.notes, db.mentions, db.citations, db.noteVersions], async () => {
    const note = await db.notes.get(id);
    if (!note) return; // Deleted meanwhile: nothing to save into.
    const { text, mentions, citations } = derived?.caseId === note.caseId ? derived.rows : noteTextAndMentions(note, content);
    // The state before this save becomes a version when it is due (renderer/db/history.ts).
    await keepVersionBeforeSave(db, note, text);
    // A put of the row already read: `update` would read the whole document again.
    await db.notes.put({ ...note, content, text, updatedAt: Date.now(), ...(title !== undefined ? { title } : {}) });
    // Every row of the note not among its nodes goes, the linker's suggestions too: it re-links the note after a save.
    const mentionChanges = rowChanges(await db.mentions.where('[targetKind+targetId]').equals(['note', id]).toArray(), mentions);
    await inSlices(mentionChanges.gone, (ids) => db.mentions.bulkDelete(ids));
    await inSlices(mentionChanges.changed, (rows) => db.mentions.bulkPut(rows));
    // Rows keep their first createdAt: a citation is as old as its quoting.
    const before = await db.citations.where('noteId').equals(id).toArray();
    const createdAt = new Map(before.map((c) => [c.id, c.createdAt]));
    const citationChanges = rowChanges(before, citations.map((c) => ({ ...c, createdAt: createdAt.get(c.id) ?? c.createdAt })));
    await inSlices(citationChanges.gone, (ids) => db.citations.bulkDelete(ids));
    await inSlices(citationChanges.changed, (rows) => db.citations.bulkPut(rows));
  });
}

/**
 * A note's text and rows derived before the save (the editor's `noteSaveOf`,
 * which redoes only the blocks that changed), so the transaction does not
 * walk the document. Used only when made for the note's own case.
 */
export interface DerivedForSave {
  caseId: string;
  rows: NoteDerivedRows;
}

/**
 * Rows written per request: each request's rows are cloned for IndexedDB in
 * one task, and the transaction stays open between requests, so input is
 * handled between slices.
 */
const ROWS_PER_WRITE = 50;

/** Hands `items` to `write` a slice at a time, each slice after the one before is written. */
async function inSlices<T>(items: readonly T[], write: (slice: T[]) => PromiseLike<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += ROWS_PER_WRITE) await write(items.slice(i, i + ROWS_PER_WRITE));
}

/** What makes a table that holds `existing` hold exactly `wanted`: ids to delete, rows new or changed to put. */
function rowChanges<T extends { id: string }>(existing: readonly T[], wanted: readonly T[]): { gone: string[]; changed: T[] } {
  const current = new Map(existing.map((row) => [row.id, row]));
  const wantedIds = new Set(wanted.map((row) => row.id));
  return {
    gone: existing.filter((row) => !wantedIds.has(row.id)).map((row) => row.id),
    changed: wanted.filter((row) => {
      const had = current.get(row.id);
      return !had || !sameRow(had, row);
    }),
  };
}

/** Flat rows (mentions, citations) compared field by field. */
function sameRow(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => (a as Record<string, unknown>)[k] === (b as Record<string, unknown>)[k]);
}

/**
 * Puts an earlier version back: the current state is kept as a version
 * first, so a restore can itself be undone from the history.
 */
export async function restoreNoteVersion(db: CasebookDexie, versionId: string): Promise<JSONContent> {
  return db.transaction('rw', [db.notes, db.mentions, db.citations, db.noteVersions], async () => {
    const version = await db.noteVersions.get(versionId);
    if (!version) throw new Error('This version is no longer kept.');
    const note = await db.notes.get(version.noteId);
    if (!note || note.deletedAt) throw new Error('The note of this version is gone.');
    await keepCurrentVersion(db, note);
    await saveNoteContent(db, note.id, version.content, version.title);
    return version.content;
  });
}

/** Replaces a note's tags (the chip input hands over the whole list). */
export async function setNoteTags(db: CasebookDexie, id: string, tags: readonly string[]): Promise<void> {
  const parsed = tagsSchema.safeParse([...tags]);
  if (!parsed.success) throw new Error('A tag is empty or too long.');
  const updated = await db.notes
    .where('id')
    .equals(id)
    .modify((note) => {
      if (parsed.data.length > 0) note.tags = parsed.data;
      else delete note.tags;
      note.updatedAt = Date.now();
    });
  if (!updated) throw new Error('This note is no longer in the store.');
}

/** Moves a note out of sight; `restoreNote` brings it back (the Undo in the toast). */
export async function deleteNote(db: CasebookDexie, id: string): Promise<void> {
  await db.notes.update(id, { deletedAt: Date.now() });
}

export async function restoreNote(db: CasebookDexie, id: string): Promise<void> {
  await db.notes.where('id').equals(id).modify((note) => {
    delete note.deletedAt;
  });
}

/** A case's notes (those with `tag`, if given), newest first, read through the index and stopped at `limit`. */
export function listNotes(db: CasebookDexie, caseId: string, limit: number, tag?: string): Promise<Note[]> {
  return db.notes
    .where('[caseId+updatedAt]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .reverse()
    .filter((n) => !n.deletedAt && (tag === undefined || hasTag(n.tags, tag)))
    .limit(limit)
    .toArray();
}

/** Every tag the case's notes carry, for the notes list's filter and the chip input's suggestions. */
export async function noteTagsOf(db: CasebookDexie, caseId: string): Promise<(readonly string[])[]> {
  const lists: (readonly string[])[] = [];
  await db.notes
    .where('[caseId+updatedAt]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .each((n) => {
      if (!n.deletedAt && n.tags?.length) lists.push(n.tags);
    });
  return lists;
}

/**
 * Appends a quoted passage to the end of a note: a blockquote of the quote's
 * paragraphs with the citation after the last one, then saves it like any
 * edit (text, mentions and citation rows in one transaction). The words read
 * as `display` (the reader's display text, see shared/sources/quote-text.ts),
 * else as the quote cleaned: one paragraph where the source only broke a
 * line, hyphenated words joined. The citation keeps the exact `quote`.
 */
export async function appendQuoteToNote(db: CasebookDexie, noteId: string, citation: CitationAttrs, display?: string): Promise<void> {
  const note = await db.notes.get(noteId);
  if (!note || note.deletedAt) throw new Error('The note to quote into is no longer there.');
  const lines = (display ?? cleanQuote(citation.quote)).split(/\n\s*\n/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (lines.length === 0) lines.push(citation.quote.replace(/\s+/g, ' ').trim());
  const paragraphs: JSONContent[] = lines.map((line, i) => ({
    type: 'paragraph',
    content: [{ type: 'text', text: line }, ...(i === lines.length - 1 ? [{ type: 'text', text: ' ' }, citationNode(citation)] : [])],
  }));
  const blocks = (note.content.content ?? []).filter((b, i, all) => !(i === all.length - 1 && b.type === 'paragraph' && !b.content?.length));
  await saveNoteContent(db, noteId, { ...note.content, content: [...blocks, { type: 'blockquote', content: paragraphs }, { type: 'paragraph' }] });
}
