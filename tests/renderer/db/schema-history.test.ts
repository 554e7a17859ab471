import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, declareSchema } from '../../../renderer/db/database';
import { freshDatabase, uniqueName } from './fresh-db';

/**
 * Shipped schema versions, exactly as released. Editing one of these (rather
 * than adding a version) would leave installed stores unable to open, so
 * this list only ever grows, and SCHEMA_VERSIONS must match it.
 */
const SHIPPED: { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      cases: 'id',
      notes: 'id, [caseId+updatedAt]',
      sources: 'id, caseId, sha256',
      entities: 'id, [caseId+type], [caseId+type+sortName], *nameKeys, *searchKeys',
      relations: 'id, caseId, fromId, toId',
      mentions: 'id, caseId, entityId, [targetKind+targetId]',
      citations: 'id, caseId, noteId, sourceId',
      caseStats: 'caseId',
      meta: 'key',
    },
  },
];

describe('schema history', () => {
  it('keeps every shipped version unchanged, in order', () => {
    const declared = SCHEMA_VERSIONS.map(({ version, stores }) => ({ version, stores }));
    expect(declared.slice(0, SHIPPED.length)).toEqual(SHIPPED);
    declared.forEach((v, i) => expect(v.version).toBe(i + 1));
  });

  it('opens a store written by every shipped version with the newest code, data intact', async () => {
    for (const shipped of SHIPPED) {
      const name = uniqueName(`v${shipped.version}`);
      const old = new Dexie(name);
      for (const v of SHIPPED.filter((s) => s.version <= shipped.version)) old.version(v.version).stores(v.stores);
      await old.table('cases').add({ id: 'c1', title: 'Old case', summary: '', createdAt: 1, updatedAt: 1 });
      await old.table('meta').put({ key: 'seed', value: { seededAt: 1, caseId: 'c1' } });
      old.close();

      const db = freshDatabase(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      expect(await db.cases.get('c1')).toMatchObject({ title: 'Old case' });
      expect(await db.meta.get('seed')).toMatchObject({ value: { caseId: 'c1' } });
    }
  });

  it('declares what it lists', async () => {
    const db = new Dexie(uniqueName('declared'));
    declareSchema(db);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(SCHEMA_VERSIONS.at(-1)!.stores).sort());
    db.close();
    await db.delete();
  });
});
