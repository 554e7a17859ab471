import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createNote, deleteNote, saveNoteContent } from '../../../renderer/db/notes';
import { createEntity } from '../../../renderer/db/entities';
import { freshDatabase, draft, uniqueName } from './fresh-db';
import { SHIPPED } from './shipped-schemas';

const journal = async (db: ReturnType<typeof freshDatabase>, caseId: string) =>
  (await db.searchChanges.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray()).map(({ kind, id }) => `${kind}:${id}`);

describe('search change journal', () => {
  it('journals every write to notes, sources and entities in the write’s own transaction, whoever writes', async () => {
    const db = freshDatabase();
    const noteId = await createNote(db, 'c1', 'First');
    await saveNoteContent(db, noteId, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hello' }] }] });
    const entityId = await createEntity(db, 'c1', draft('Ada Lovelace'));
    // A transaction that never names the journal still writes it.
    await db.transaction('rw', db.sources, db.sourceBodies, async () => {
      await db.sources.add({ id: 's1', caseId: 'c1', title: 'Memo', format: 'text', sha256: 'ab', size: 5, metadata: {}, importedAt: 1 } as never);
      await db.sourceBodies.add({ sourceId: 's1', caseId: 'c1', text: 'Plain' });
    });
    await db.notes.add({ id: 'n2', caseId: 'c2', title: 'Other case', content: { type: 'doc' }, text: '', createdAt: 1, updatedAt: 1 } as never);
    await deleteNote(db, noteId);
    await db.sources.delete('s1');

    expect(await journal(db, 'c1')).toEqual([`note:${noteId}`, `note:${noteId}`, `entity:${entityId}`, 'source:s1', 'source:s1', `note:${noteId}`, 'source:s1']);
    expect(await journal(db, 'c2')).toEqual(['note:n2']);
    const seqs = (await db.searchChanges.toArray()).map((c) => c.seq!);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('writes nothing when the write rolls back', async () => {
    const db = freshDatabase();
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.add({ id: 'n1', caseId: 'c1', title: 'x', content: { type: 'doc' }, text: '', createdAt: 1, updatedAt: 1 } as never);
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await db.searchChanges.count()).toBe(0);
  });

  it('opens a version 3 store with its data, and journals from then on', async () => {
    const name = uniqueName('v3-search');
    const old = new Dexie(name);
    for (const v of SHIPPED.filter((s) => s.version <= 3)) old.version(v.version).stores(v.stores);
    await old.table('notes').add({ id: 'n1', caseId: 'c1', title: 'Old', content: { type: 'doc' }, text: 'old text', createdAt: 1, updatedAt: 1 });
    old.close();

    const db = freshDatabase(name);
    await db.open();
    expect(await db.notes.get('n1')).toMatchObject({ title: 'Old' });
    expect(await db.searchIndexes.count()).toBe(0);
    await db.notes.update('n1', { title: 'New' });
    expect(await journal(db, 'c1')).toEqual(['note:n1']);
  });
});
