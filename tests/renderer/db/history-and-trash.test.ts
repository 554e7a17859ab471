import 'fake-indexeddb/auto';
import type { JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNote, deleteNote, restoreNoteVersion, saveNoteContent } from '../../../renderer/db/notes';
import { changedChars, listVersions, MAX_VERSIONS_PER_NOTE, VERSION_INTERVAL_MS } from '../../../renderer/db/history';
import { deleteEntity, restoreEntity } from '../../../renderer/db/delete-entity';
import { deleteForever, listTrash, restoreFromTrash } from '../../../renderer/db/trash';
import { createEntity } from '../../../renderer/db/entities';
import { createRelation } from '../../../renderer/db/relations';
import { openDatabase } from '../../../renderer/db/database';
import { draft, freshDatabase, uniqueName } from './fresh-db';

const doc = (text: string): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });
const mentionDoc = (text: string, entityId: string, label: string): JSONContent => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: `${text} ` }, { type: 'entityMention', attrs: { entityId, label, entityType: 'Person' } }] }],
});

let clock = 1_000_000;
const at = (ms: number) => {
  clock = ms;
};
afterEach(() => vi.restoreAllMocks());
const fakeClock = () => vi.spyOn(Date, 'now').mockImplementation(() => clock);

describe('note history', () => {
  it('keeps the earlier state when the last version is old, not on every keystroke', async () => {
    fakeClock();
    const db = freshDatabase();
    at(1_000);
    const id = await createNote(db, 'c1', 'Draft');
    await saveNoteContent(db, id, doc('First words'));
    at(2_000);
    await saveNoteContent(db, id, doc('First words and more'));
    // The first version (the note's state before the second save) is due: none kept yet.
    expect((await listVersions(db, id)).map((v) => v.text)).toEqual(['First words']);
    at(3_000);
    await saveNoteContent(db, id, doc('First words and more still'));
    expect(await listVersions(db, id)).toHaveLength(1); // Too soon, too small.
    at(3_000 + VERSION_INTERVAL_MS);
    await saveNoteContent(db, id, doc('First words and more still, later'));
    const versions = await listVersions(db, id);
    expect(versions.map((v) => v.text)).toEqual(['First words and more still', 'First words']);
    expect(versions[0]).toMatchObject({ noteId: id, caseId: 'c1', title: 'Draft', savedAt: 3_000 });
  });

  it('keeps the earlier state before a big change, however recent the last version', async () => {
    fakeClock();
    const db = freshDatabase();
    at(1_000);
    const id = await createNote(db, 'c1');
    const long = 'A long paragraph of findings. '.repeat(20);
    await saveNoteContent(db, id, doc('x'));
    await saveNoteContent(db, id, doc(long));
    at(2_000);
    await saveNoteContent(db, id, doc('gone')); // Select-all, typed over.
    expect((await listVersions(db, id)).map((v) => v.text)).toEqual([long, 'x']);
    expect(changedChars('abcdef', 'abXdef')).toBe(1);
    expect(changedChars('abc', 'abcdef')).toBe(3);
  });

  it('caps versions per note, dropping the oldest', async () => {
    fakeClock();
    const db = freshDatabase();
    at(0);
    const id = await createNote(db, 'c1');
    for (let i = 0; i <= MAX_VERSIONS_PER_NOTE + 5; i++) {
      at(i * VERSION_INTERVAL_MS);
      await saveNoteContent(db, id, doc(`version ${i}`));
    }
    const versions = await listVersions(db, id);
    expect(versions).toHaveLength(MAX_VERSIONS_PER_NOTE);
    expect(versions[0]!.text).toBe(`version ${MAX_VERSIONS_PER_NOTE + 4}`);
    expect(versions.at(-1)!.text).toBe('version 5');
  });

  it('restores a version, keeping the current state as a version first (so a restore can be undone)', async () => {
    fakeClock();
    const db = freshDatabase();
    at(1_000);
    const id = await createNote(db, 'c1', 'Title one');
    await saveNoteContent(db, id, doc('Old text'));
    at(2_000);
    await saveNoteContent(db, id, doc('Current text'));
    const [old] = await listVersions(db, id);
    expect(old!.text).toBe('Old text');
    await db.notes.update(id, { title: 'Title two' });
    at(3_000);
    await restoreNoteVersion(db, old!.id);
    expect(await db.notes.get(id)).toMatchObject({ text: 'Old text', title: 'Title one', content: doc('Old text') });
    const [newest] = await listVersions(db, id);
    expect(newest).toMatchObject({ text: 'Current text', title: 'Title two' });
    await restoreNoteVersion(db, newest!.id);
    expect(await db.notes.get(id)).toMatchObject({ text: 'Current text', title: 'Title two' });
  });

  it('saves the note and its version in one transaction: a failed save keeps neither', async () => {
    fakeClock();
    const db = freshDatabase();
    at(1_000);
    const id = await createNote(db, 'c1');
    await saveNoteContent(db, id, doc('Kept'));
    at(1_000 + VERSION_INTERVAL_MS);
    // The step after the version is written fails: the version must go with it.
    vi.spyOn(db.notes, 'put').mockRejectedValueOnce(new Error('boom'));
    await expect(saveNoteContent(db, id, doc('Lost'))).rejects.toThrow('boom');
    expect((await db.notes.get(id))!.text).toBe('Kept');
    expect(await listVersions(db, id)).toEqual([]);
  });
});

describe('trash', () => {
  it('keeps a deleted entity with its mentions and relations in the Trash, restorable after a reload', async () => {
    const name = uniqueName('trash');
    const db = freshDatabase(name);
    const a = await createEntity(db, 'c1', draft('Ana Broker', { aliases: ['A. Broker'] }));
    const b = await createEntity(db, 'c1', draft('Port B', { type: 'Place' }));
    const note = await createNote(db, 'c1');
    await saveNoteContent(db, note, mentionDoc('Met', a, 'Ana Broker'));
    const rel = await createRelation(db, 'c1', { type: 'related_to', fromId: a, toId: b, date: '', description: '', quotes: [] });
    await deleteEntity(db, a);
    expect(await db.entities.get(a)).toBeUndefined();
    expect(await db.mentions.where('entityId').equals(a).count()).toBe(0);

    // A new session: the Undo snapshot in memory is gone, the Trash is not.
    db.close();
    const reopened = openDatabase(name);
    const items = await listTrash(reopened, 'c1');
    expect(items).toEqual([expect.objectContaining({ kind: 'entity', title: 'Ana Broker', entityType: 'Person' })]);
    await restoreFromTrash(reopened, items[0]!);
    expect(await reopened.entities.get(a)).toMatchObject({ name: 'Ana Broker', aliases: ['A. Broker'] });
    expect(await reopened.mentions.where('entityId').equals(a).count()).toBe(1);
    expect(await reopened.relations.get(rel)).toMatchObject({ fromId: a, toId: b });
    expect((await reopened.caseStats.get('c1'))!.entityCounts.Person).toBe(1);
    expect(await listTrash(reopened, 'c1')).toEqual([]);
    reopened.close();
  });

  it('the Undo also empties the Trash row; relations to entities deleted meanwhile stay out', async () => {
    const db = freshDatabase();
    const a = await createEntity(db, 'c1', draft('A'));
    const b = await createEntity(db, 'c1', draft('B'));
    await createRelation(db, 'c1', { type: 'related_to', fromId: a, toId: b, date: '', description: '', quotes: [] });
    const deletedA = await deleteEntity(db, a);
    const deletedB = await deleteEntity(db, b);
    expect(deletedB.relations).toEqual([]);
    await restoreEntity(db, deletedA);
    expect(await db.relations.count()).toBe(0); // B is still in the Trash.
    expect((await listTrash(db, 'c1')).map((i) => i.title)).toEqual(['B']);
  });

  it('lists deleted notes beside entities, restores them, and deletes forever with their rows and history', async () => {
    fakeClock();
    const db = freshDatabase();
    at(1_000);
    const e = await createEntity(db, 'c1', draft('Ana Broker'));
    const keep = await createNote(db, 'c1', 'Kept');
    const gone = await createNote(db, 'c1', 'Gone');
    await saveNoteContent(db, gone, mentionDoc('First', e, 'Ana Broker'));
    at(1_000 + VERSION_INTERVAL_MS);
    await saveNoteContent(db, gone, mentionDoc('Second', e, 'Ana Broker'));
    expect(await listVersions(db, gone)).toHaveLength(1);
    at(5_000_000);
    await deleteNote(db, gone);
    at(6_000_000);
    await deleteNote(db, keep);
    const items = await listTrash(db, 'c1');
    expect(items.map((i) => [i.kind, i.title])).toEqual([
      ['note', 'Kept'],
      ['note', 'Gone'],
    ]);
    expect(await listTrash(db, 'other-case')).toEqual([]);
    await restoreFromTrash(db, items[0]!);
    expect((await db.notes.get(keep))!.deletedAt).toBeUndefined();
    await deleteForever(db, items[1]!);
    expect(await db.notes.get(gone)).toBeUndefined();
    expect(await db.mentions.where('[targetKind+targetId]').equals(['note', gone]).count()).toBe(0);
    expect(await listVersions(db, gone)).toEqual([]);
    // Delete forever never touches a note that is not in the Trash.
    await deleteForever(db, { kind: 'note', id: keep });
    expect(await db.notes.get(keep)).toBeDefined();
  });
});
