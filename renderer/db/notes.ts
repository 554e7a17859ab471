import Dexie from 'dexie';
import type { JSONContent } from '@tiptap/core';
import type { Note } from '../../shared/model';
import { emptyDocument, noteTextAndMentions } from '../../shared/editor/document';
import type { CasebookDexie } from './database';
import { newId } from './ids';

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
 * Saves a note's document with its plain text, and replaces the note's
 * mentions with the entity-mention nodes it now holds, in one transaction so
 * backlinks never disagree with the text.
 */
export async function saveNoteContent(db: CasebookDexie, id: string, content: JSONContent): Promise<void> {
  await db.transaction('rw', db.notes, db.mentions, async () => {
    const note = await db.notes.get(id);
    if (!note) return; // Deleted meanwhile: nothing to save into.
    const { text, mentions } = noteTextAndMentions(note, content);
    await db.notes.update(id, { content, text, updatedAt: Date.now() });
    await db.mentions.where('[targetKind+targetId]').equals(['note', id]).delete();
    await db.mentions.bulkAdd(mentions);
  });
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

/** A case's notes, newest first, read through the index and stopped at `limit`. */
export function listNotes(db: CasebookDexie, caseId: string, limit: number): Promise<Note[]> {
  return db.notes
    .where('[caseId+updatedAt]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .reverse()
    .filter((n) => !n.deletedAt)
    .limit(limit)
    .toArray();
}
