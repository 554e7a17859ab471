import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CasebookDexie, StoredEntity } from '../../../renderer/db/database';
import { createEntity, updateEntity } from '../../../renderer/db/entities';
import { draft, freshDatabase } from './fresh-db';

/** Entity writes run with caseStats in the transaction, as the counters require (renderer/db/entity-counters.ts). */
const writeEntities = <T,>(db: CasebookDexie, write: () => PromiseLike<T>) => db.transaction('rw', db.entities, db.caseStats, write);

const CASE = 'case-1';

const stored = (id: string, name: string, aliases: string[] = []): StoredEntity => ({
  id,
  caseId: CASE,
  type: 'Person',
  name,
  aliases,
  description: 'before',
  properties: {},
  protected: false,
  quotes: [],
  createdAt: 1,
  updatedAt: 1,
  nameKeys: ['stale'],
  searchKeys: ['stale'],
  sortName: 'stale',
});

const keysOf = async (db: ReturnType<typeof freshDatabase>, id: string) => (await db.entities.get(id))?.searchKeys.slice().sort();

describe('openDatabase', () => {
  it('opens the declared tables under the given name', async () => {
    const db = freshDatabase();
    await db.open();
    expect(db.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['cases', 'citations', 'entities', 'mentions', 'meta', 'notes', 'relations', 'sources']),
    );
    expect(db.name).toMatch(/^casebook-test-/);
  });

  it('keeps databases of different names apart', async () => {
    const a = freshDatabase();
    const b = freshDatabase();
    await writeEntities(a, () => a.entities.add(stored('e1', 'Anne Milgram')));
    expect(await b.entities.count()).toBe(0);
  });
});

describe('searchKeys hooks', () => {
  it('computes keys on add, ignoring what the caller passed', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.add(stored('e1', 'Anne Milgram', ['Milgram'])));
    expect(await keysOf(db, 'e1')).toEqual(['anne', 'anne milgram', 'milgram']);
  });

  it('computes keys on bulkAdd', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.bulkAdd([stored('e1', 'Wuhan'), stored('e2', 'Drug Enforcement Administration', ['DEA'])]));
    expect(await keysOf(db, 'e1')).toEqual(['wuhan']);
    expect(await keysOf(db, 'e2')).toContain('dea');
  });

  it('recomputes keys when the name changes', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.add(stored('e1', 'Anne Milgram', ['Milgram'])));
    await writeEntities(db, () => db.entities.update('e1', { name: 'Merrick Garland' }));
    expect(await keysOf(db, 'e1')).toEqual(['garland', 'merrick', 'merrick garland', 'milgram']);
  });

  it('recomputes keys when the aliases change', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.add(stored('e1', 'Drug Enforcement Administration', ['DEA'])));
    await writeEntities(db, () => db.entities.update('e1', { aliases: ['U.S. DEA'] }));
    const keys = await keysOf(db, 'e1');
    expect(keys).toContain('u.s. dea');
    expect(keys).toContain('drug enforcement administration');
    // The alias "DEA" on its own is gone; "dea" stays only as a word of "U.S. DEA".
    expect(keys?.filter((k) => k.startsWith('dea'))).toEqual(['dea']);
  });

  it('recomputes keys through modify() and put() as well', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.add(stored('e1', 'Old Name')));
    await writeEntities(db, () => db.entities.where('id').equals('e1').modify({ aliases: ['Nickname'] }));
    expect(await keysOf(db, 'e1')).toContain('nickname');
    const current = (await db.entities.get('e1'))!;
    await writeEntities(db, () => db.entities.put({ ...current, name: 'New Name' }));
    expect(await keysOf(db, 'e1')).toEqual(['name', 'new', 'new name', 'nickname']);
  });

  // Dexie 4 hands the hook a diff in which every array property (aliases, quotes) counts as
  // changed, so keys are recomputed on every update; what matters is that they stay right.
  it('keeps the same keys on updates that touch neither name nor aliases', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.add(stored('e1', 'Anne Milgram', ['Milgram'])));
    const before = await keysOf(db, 'e1');
    await writeEntities(db, () => db.entities.update('e1', { description: 'after', properties: { role: 'DEA official' }, updatedAt: 2 }));
    await writeEntities(db, () => db.entities.update('e1', { quotes: [{ quote: 'Anne Milgram', start: 0, end: 12, sourceId: 's' }] }));
    expect(await db.entities.get('e1')).toMatchObject({ description: 'after', name: 'Anne Milgram', aliases: ['Milgram'] });
    expect(await keysOf(db, 'e1')).toEqual(before);
  });

  it('serves the multi-entry index: any word finds the entity', async () => {
    const db = freshDatabase();
    await writeEntities(db, () => db.entities.add(stored('e1', 'Vanda Felbab‑Brown')));
    expect((await db.entities.where('searchKeys').equals('brown').toArray()).map((e) => e.id)).toEqual(['e1']);
    expect((await db.entities.where('searchKeys').startsWith('vanda felbab-').toArray()).map((e) => e.id)).toEqual(['e1']);
  });

  it('works through createEntity and updateEntity', async () => {
    const db = freshDatabase();
    const id = await createEntity(db, CASE, draft('Zhōu Wěi', { aliases: ['Zhou'] }));
    expect(await keysOf(db, id)).toEqual(['wei', 'zhou', 'zhou wei']);
    await updateEntity(db, id, draft('Li Wei', { aliases: [] }));
    expect(await keysOf(db, id)).toEqual(['li', 'li wei', 'wei']);
  });
});
