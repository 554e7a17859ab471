import type { Note } from '../../shared/model';
import type { CasebookDexie, NoteVersion } from './database';
import { newId } from './ids';

/** A new version is kept when the last one is at least this old… */
export const VERSION_INTERVAL_MS = 10 * 60 * 1000;
/** …or when a save changes at least this many characters (and a quarter of the text). */
export const BIG_CHANGE_CHARS = 100;
/** Versions kept per note; the oldest go first. */
export const MAX_VERSIONS_PER_NOTE = 50;

/**
 * How many characters differ between two texts, measured cheaply: what is
 * left once the common start and end are taken away, on the longer side.
 */
export function changedChars(before: string, after: string): number {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return Math.max(before.length, after.length) - start - end;
}

function isBigChange(before: string, after: string): boolean {
  const changed = changedChars(before, after);
  return changed >= BIG_CHANGE_CHARS && changed >= before.length / 4;
}

const isEmpty = (note: Pick<Note, 'text' | 'title'>) => note.text.trim() === '';

/**
 * Called by `saveNoteContent` inside its transaction with the note as it was
 * before the save and the text it is about to get: keeps the earlier state
 * as a version when the last version is old or the change is big, then
 * prunes the note's oldest versions beyond the cap. Needs `noteVersions` in
 * the calling transaction.
 */
export async function keepVersionBeforeSave(db: CasebookDexie, before: Note, nextText: string, now = Date.now()): Promise<void> {
  if (isEmpty(before) || before.text === nextText) return;
  // When the last version was kept is in the index key: most saves are not due, and need not read a whole document to know.
  const lastKey = (await noteVersionRange(db, before.id).lastKey()) as [string, number] | undefined;
  const due = !lastKey || now - lastKey[1] >= VERSION_INTERVAL_MS || isBigChange(before.text, nextText);
  if (!due) return;
  const last = await latestVersion(db, before.id);
  if (last && last.text === before.text && last.title === before.title) return;
  await addVersion(db, before, last);
}

/** Keeps the note's current state as a version (unless it is the newest already). Needs `noteVersions` in the transaction. */
export async function keepCurrentVersion(db: CasebookDexie, note: Note): Promise<void> {
  if (isEmpty(note)) return;
  const last = await latestVersion(db, note.id);
  if (last && last.text === note.text && last.title === note.title && JSON.stringify(last.content) === JSON.stringify(note.content)) return;
  await addVersion(db, note, last);
}

async function addVersion(db: CasebookDexie, note: Note, last: NoteVersion | undefined): Promise<void> {
  // Strictly after the last version, so versions keep their order even when saved in the same millisecond.
  const savedAt = Math.max(note.updatedAt, (last?.savedAt ?? -Infinity) + 1);
  const version: NoteVersion = { id: newId('version'), noteId: note.id, caseId: note.caseId, title: note.title, content: note.content, text: note.text, savedAt };
  await db.noteVersions.add(version);
  const keys = await noteVersionRange(db, note.id).primaryKeys();
  // Oldest first: drop what is beyond the cap.
  if (keys.length > MAX_VERSIONS_PER_NOTE) await db.noteVersions.bulkDelete(keys.slice(0, keys.length - MAX_VERSIONS_PER_NOTE));
}

const noteVersionRange = (db: CasebookDexie, noteId: string) => db.noteVersions.where('[noteId+savedAt]').between([noteId, -Infinity], [noteId, Infinity], true, true);

async function latestVersion(db: CasebookDexie, noteId: string): Promise<NoteVersion | undefined> {
  return noteVersionRange(db, noteId).last();
}

/** A note's versions, newest first. */
export function listVersions(db: CasebookDexie, noteId: string): Promise<NoteVersion[]> {
  return noteVersionRange(db, noteId).reverse().toArray();
}

/** Removes every version of a note (when the note is deleted forever). Needs `noteVersions` in the transaction. */
export async function deleteVersions(db: CasebookDexie, noteId: string): Promise<void> {
  await noteVersionRange(db, noteId).delete();
}
