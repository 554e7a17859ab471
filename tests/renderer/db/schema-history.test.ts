import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS, declareSchema } from '../../../renderer/db/database';
import { freshDatabase, uniqueName } from './fresh-db';
import { SHIPPED } from './shipped-schemas';

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

  it('moves v1 source documents into their own table on upgrade, nothing lost', async () => {
    const name = uniqueName('v1-sources');
    const old = new Dexie(name);
    old.version(1).stores(SHIPPED[0]!.stores);
    await old.table('sources').bulkAdd([
      { id: 's1', caseId: 'c1', title: 'Memo', format: 'html', text: 'Body text', html: '<p>Body text</p>', sha256: 'ab', size: 9, metadata: {}, importedAt: 1, pages: undefined },
      { id: 's2', caseId: 'c1', title: 'Notes', format: 'text', text: 'Plain', sha256: 'cd', size: 5, metadata: { author: 'A' }, importedAt: 2 },
    ]);
    old.close();

    const db = freshDatabase(name);
    await db.open();
    expect(await db.sources.get('s1')).toEqual({ id: 's1', caseId: 'c1', title: 'Memo', format: 'html', sha256: 'ab', size: 9, metadata: {}, importedAt: 1, pages: undefined });
    expect(await db.sources.get('s2')).not.toHaveProperty('text');
    expect(await db.sourceBodies.get('s1')).toEqual({ sourceId: 's1', caseId: 'c1', text: 'Body text', html: '<p>Body text</p>' });
    expect(await db.sourceBodies.get('s2')).toEqual({ sourceId: 's2', caseId: 'c1', text: 'Plain' });
  });

  it('declares what it lists', async () => {
    const db = new Dexie(uniqueName('declared'));
    declareSchema(db);
    await db.open();
    // A version lists only the tables it adds or changes; Dexie keeps the rest.
    const declaredTables = new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)));
    expect(db.tables.map((t) => t.name).sort()).toEqual([...declaredTables].sort());
    db.close();
    await db.delete();
  });
});
