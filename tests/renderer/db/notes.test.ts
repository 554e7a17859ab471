import 'fake-indexeddb/auto';
import type { JSONContent } from '@tiptap/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNote, deleteNote, listNotes, noteTagsOf, renameNote, restoreNote, saveNoteContent, setNoteTags, UNTITLED } from '../../../renderer/db/notes';
import { emptyDocument, noteTextAndMentions } from '../../../shared/editor/document';
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

  it('writes only the mention and citation rows that changed, and ends with exactly the rows the nodes give', async () => {
    const db = freshDatabase();
    const id = await createNote(db, CASE);
    const cite = (n: number): JSONContent => ({
      type: 'citation',
      attrs: { citationId: `c-${n}`, sourceId: 'src-1', start: n, end: n + 5, page: null, quote: 'quote', sourceSha256: 'a'.repeat(64), sourceTitle: 'Report' },
    });
    // 60 paragraphs, each a few words, a mention and a citation every tenth.
    const body = (tail: string, skip = -1) =>
      doc(...Array.from({ length: 60 }, (_, i) => paragraph(text(`Paragraph ${i} names `), ...(i === skip ? [] : [mention(`ent-${i % 7}`, `Person ${i % 7}`)]), ...(i % 10 === 0 ? [text(' '), cite(i)] : []))), paragraph(text(tail)));
    await saveNoteContent(db, id, body('The end.'));
    const note = await db.notes.get(id);
    await db.mentions.add({ id: 'found-note-x', caseId: CASE, entityId: 'ent-1', targetKind: 'note', targetId: id, start: 0, end: 4, snippet: 'x', status: 'suggested' });

    const writes: string[] = [];
    for (const table of [db.mentions, db.citations] as const) {
      table.hook('creating', (key) => void writes.push(`create ${String(key)}`));
      table.hook('updating', (_changes, key) => void writes.push(`update ${String(key)}`));
      table.hook('deleting', (key) => void writes.push(`delete ${String(key)}`));
    }
    later(1_000);
    // Typing at the end changes only the snippets that reach it; the linker's suggestion goes, as on every save.
    await saveNoteContent(db, id, body('The end, and a few more words.'));
    expect(writes.filter((w) => !w.startsWith('update'))).toEqual(['delete found-note-x']);
    expect(writes.length).toBeLessThanOrEqual(5);

    // Removing the mention of paragraph 50 removes its row and shifts only the rows after it.
    writes.length = 0;
    await saveNoteContent(db, id, body('The end, and a few more words.', 50));
    const rows = await mentionsOf(db, id);
    expect(rows).toHaveLength(59);
    expect(writes.filter((w) => w.startsWith('delete'))).toEqual([`delete mention-${id}-59`]);
    // Rows are numbered in reading order: the nine after it take their next one's place, and a neighbour's snippet or two changes.
    expect(writes.filter((w) => w.startsWith('update')).length).toBeLessThanOrEqual(12);
    // The rows are what a fresh save of the same document gives.
    const fresh = freshDatabase();
    await fresh.notes.add({ ...note!, id });
    await saveNoteContent(fresh, id, body('The end, and a few more words.', 50));
    expect(rows).toEqual(await mentionsOf(fresh, id));
    const citations = await db.citations.where('noteId').equals(id).sortBy('id');
    expect(citations.map(({ createdAt, ...c }) => c)).toEqual((await fresh.citations.where('noteId').equals(id).sortBy('id')).map(({ createdAt, ...c }) => c));
    // A citation keeps the time it was first quoted.
    expect(new Set(citations.map((c) => c.createdAt))).toEqual(new Set([T0]));
  });

  it('writes many changed rows a slice at a time, so input is handled between the slices', async () => {
    const db = freshDatabase();
    const id = await createNote(db, CASE);
    const body = (lead: string) => doc(paragraph(text(lead)), ...Array.from({ length: 500 }, (_, i) => paragraph(text(`Line ${i} `), mention(`ent-${i % 5}`, `Name ${i % 5}`))));
    await saveNoteContent(db, id, body('Start'));
    const puts = vi.spyOn(db.mentions, 'bulkPut');
    // Typing at the top moves every mention after it: all 500 rows change.
    await saveNoteContent(db, id, body('Start, then more'));
    const sizes = puts.mock.calls.map(([rows]) => rows.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(200);
    expect(await mentionsOf(db, id)).toEqual(noteTextAndMentions({ id, caseId: CASE }, body('Start, then more')).mentions);
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
