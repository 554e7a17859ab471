import 'fake-indexeddb/auto';
import type { JSONContent } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNote, deleteNote, listNotes, noteTagsOf, renameNote, restoreNote, saveNoteContent, setNoteTags, UNTITLED } from '../../../renderer/db/notes';
import { emptyDocument } from '../../../shared/editor/document';
import { freshDatabase } from './fresh-db';

const CASE = 'case-1';
const T0 = Date.UTC(2026, 0, 1);

// Only the clock is faked: IndexedDB's own scheduling keeps running.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});
afterEach(() => vi.useRealTimers());
const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

const mention = (entityId: string, label: string): JSONContent => ({ type: 'entityMention', attrs: { entityId, label, entityType: 'Person' } });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (t: string): JSONContent => ({ type: 'text', text: t });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

const mentionsOf = async (db: ReturnType<typeof freshDatabase>, noteId: string) =>
  (await db.mentions.where('[targetKind+targetId]').equals(['note', noteId]).toArray()).sort((a, b) => a.start - b.start);

describe('createNote and renameNote', () => {
  it('creates an empty, untitled note in the case, stamped now', async () => {
    const db = freshDatabase();
    const id = await createNote(db, CASE);
    expect(await db.notes.get(id)).toEqual({ id, caseId: CASE, title: UNTITLED, content: emptyDocument(), text: '', createdAt: T0, updatedAt: T0 });
    expect(await createNote(db, CASE)).not.toBe(id);
  });

  it('collapses whitespace in titles and bumps updatedAt', async () => {
    const db = freshDatabase();
    const id = await createNote(db, CASE, 'Draft');
    later(1_000);
    await renameNote(db, id, '  Budget \n hearing\t notes  ');
    expect(await db.notes.get(id)).toMatchObject({ title: 'Budget hearing notes', createdAt: T0, updatedAt: T0 + 1_000 });
  });

  it('names a note “Untitled note” when the title is blank', async () => {
    const db = freshDatabase();
    const id = await createNote(db, CASE, 'Draft');
    await renameNote(db, id, ' \n ');
    expect((await db.notes.get(id))?.title).toBe('Untitled note');
  });
});

describe('saveNoteContent', () => {
  it('stores the document, its plain text and a mention per entityMention node with a snippet', async () => {
    const db = freshDatabase();
    const id = await createNote(db, CASE);
    later(500);
    const content = doc(paragraph(mention('ent-a', 'Anne Milgram'), text(' met '), mention('ent-b', 'Merrick Garland'), text('.')), paragraph(text('Then '), mention('ent-a', 'Milgram'), text(' left.')));
    await saveNoteContent(db, id, content);
    const note = await db.notes.get(id);
    expect(note).toMatchObject({ content, text: 'Anne Milgram met Merrick Garland.\n\nThen Milgram left.', updatedAt: T0 + 500 });
    const rows = await mentionsOf(db, id);
    expect(rows.map((m) => [m.entityId, note!.text.slice(m.start, m.end)])).toEqual([
      ['ent-a', 'Anne Milgram'],
      ['ent-b', 'Merrick Garland'],
      ['ent-a', 'Milgram'],
    ]);
    for (const m of rows) expect(m).toMatchObject({ caseId: CASE, targetKind: 'note', targetId: id, status: 'confirmed' });
    expect(rows[2]?.snippet).toBe('Anne Milgram met Merrick Garland. Then Milgram left.');
  });

  it('replaces the note’s mentions on every save, leaving other notes’ alone', async () => {
    const db = freshDatabase();
    const a = await createNote(db, CASE);
    const b = await createNote(db, CASE);
    await saveNoteContent(db, a, doc(paragraph(mention('ent-a', 'Anne'), text(' and '), mention('ent-b', 'Bob'))));
    await saveNoteContent(db, b, doc(paragraph(mention('ent-a', 'Anne'))));
    await saveNoteContent(db, a, doc(paragraph(text('Only '), mention('ent-c', 'Carol'))));
    expect((await mentionsOf(db, a)).map((m) => [m.entityId, m.start, m.end])).toEqual([['ent-c', 5, 10]]);
    expect((await mentionsOf(db, b)).map((m) => m.entityId)).toEqual(['ent-a']);
    await saveNoteContent(db, a, emptyDocument());
    expect(await mentionsOf(db, a)).toEqual([]);
    expect((await db.notes.get(a))?.text).toBe('');
  });

  it('does nothing for a note that no longer exists', async () => {
    const db = freshDatabase();
    await saveNoteContent(db, 'note-gone', doc(paragraph(mention('ent-a', 'Anne'))));
    expect(await db.notes.count()).toBe(0);
    expect(await db.mentions.count()).toBe(0);
  });
});

describe('deleteNote, restoreNote and listNotes', () => {
  async function threeNotes(db: ReturnType<typeof freshDatabase>) {
    const first = await createNote(db, CASE, 'first');
    later(10);
    const second = await createNote(db, CASE, 'second');
    later(10);
    const third = await createNote(db, CASE, 'third');
    later(10);
    await createNote(db, 'case-other', 'elsewhere');
    return { first, second, third };
  }
  const titles = async (db: ReturnType<typeof freshDatabase>, limit = 50) => (await listNotes(db, CASE, limit)).map((n) => n.title);

  it('lists a case’s notes newest first, only that case’s', async () => {
    const db = freshDatabase();
    await threeNotes(db);
    expect(await titles(db)).toEqual(['third', 'second', 'first']);
  });

  it('orders by last change, not by creation', async () => {
    const db = freshDatabase();
    const { first } = await threeNotes(db);
    later(10);
    await saveNoteContent(db, first, doc(paragraph(text('edited'))));
    expect(await titles(db)).toEqual(['first', 'third', 'second']);
  });

  it('respects the limit', async () => {
    const db = freshDatabase();
    await threeNotes(db);
    expect(await titles(db, 2)).toEqual(['third', 'second']);
    expect(await titles(db, 1)).toEqual(['third']);
  });

  it('hides deleted notes, also when the newest is deleted and a limit applies', async () => {
    const db = freshDatabase();
    const { third, second } = await threeNotes(db);
    await deleteNote(db, third);
    expect(await titles(db, 1)).toEqual(['second']);
    await deleteNote(db, second);
    expect(await titles(db)).toEqual(['first']);
    expect((await db.notes.get(third))?.deletedAt).toBe(Date.now());
  });

  it('restores a deleted note to where it was', async () => {
    const db = freshDatabase();
    const { third } = await threeNotes(db);
    await deleteNote(db, third);
    await restoreNote(db, third);
    expect(await titles(db)).toEqual(['third', 'second', 'first']);
    expect(await db.notes.get(third)).not.toHaveProperty('deletedAt');
  });
});

describe('note tags', () => {
  it('are kept on the note, survive saves, and filter the list (case and accents aside)', async () => {
    const db = freshDatabase();
    const a = await createNote(db, CASE, 'Arrivals');
    later(10);
    const b = await createNote(db, CASE, 'Money');
    await setNoteTags(db, a, ['Port', 'Méxíco']);
    later(10);
    await saveNoteContent(db, a, doc(paragraph(text('Three containers.'))));
    expect((await db.notes.get(a))!.tags).toEqual(['Port', 'Méxíco']);
    expect((await listNotes(db, CASE, 10, 'mexico')).map((n) => n.title)).toEqual(['Arrivals']);
    expect((await listNotes(db, CASE, 10)).map((n) => n.title)).toEqual(['Arrivals', 'Money']);
    expect(await noteTagsOf(db, CASE)).toEqual([['Port', 'Méxíco']]);
    await deleteNote(db, a);
    expect(await noteTagsOf(db, CASE)).toEqual([]);
    await setNoteTags(db, b, []);
    expect((await db.notes.get(b))!.tags).toBeUndefined();
    await expect(setNoteTags(db, 'note-gone', ['x'])).rejects.toThrow(/no longer/);
  });
});
