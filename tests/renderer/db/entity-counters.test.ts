import { describe, expect, it } from 'vitest';
import { draft, freshDatabase } from './fresh-db';
import { countEntitiesByType, createEntity, updateEntity } from '../../../renderer/db/entities';
import { deleteEntity, restoreEntity } from '../../../renderer/db/delete-entity';
import { mergeEntities, undoMerge } from '../../../renderer/db/merge';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { readCaseSnapshot, writeCaseSnapshot } from '../../../renderer/db/snapshot';
import { CountersOutOfScopeError } from '../../../renderer/db/entity-counters';
import { ENTITY_TYPES, type EntityType } from '../../../shared/model';
import type { CasebookDexie } from '../../../renderer/db/database';

const CASE = 'case-c';

/** The counts as the rows say, counted the slow way: what the counters must always equal. */
async function recount(db: CasebookDexie, caseId: string): Promise<Record<EntityType, number>> {
  const rows = await db.entities.filter((e) => e.caseId === caseId).toArray();
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, rows.filter((e) => e.type === t).length])) as Record<EntityType, number>;
}
const namesVersion = async (db: CasebookDexie, caseId = CASE) => (await db.caseStats.get(caseId))?.namesVersion ?? 0;

describe('entity counters are kept by the store itself', () => {
  it('follow creates, retypes, renames and deletes; only name changes bump the names version', async () => {
    const db = freshDatabase();
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    const dea = await createEntity(db, CASE, draft('DEA', { type: 'PublicBody' }));
    expect(await countEntitiesByType(db, CASE)).toEqual(await recount(db, CASE));
    expect((await countEntitiesByType(db, CASE)).Person).toBe(1);
    const v1 = await namesVersion(db);
    expect(v1).toBe(2);

    await updateEntity(db, dea, draft('DEA', { type: 'Organization' }));
    expect(await countEntitiesByType(db, CASE)).toEqual(await recount(db, CASE));
    expect(await namesVersion(db)).toBe(v1); // retyped, same names

    await updateEntity(db, anne, draft('Anne Milgram', { description: 'Administrator' }));
    expect(await namesVersion(db)).toBe(v1); // nothing a name depends on

    await updateEntity(db, anne, draft('Anne Milgram', { aliases: ['Milgram'] }));
    expect(await namesVersion(db)).toBe(v1 + 1);

    const deleted = await deleteEntity(db, anne);
    expect((await countEntitiesByType(db, CASE)).Person).toBe(0);
    expect(await namesVersion(db)).toBe(v1 + 2);
    await restoreEntity(db, deleted);
    expect(await countEntitiesByType(db, CASE)).toEqual(await recount(db, CASE));
    expect(await namesVersion(db)).toBe(v1 + 3);
  });

  it('follow merges and their undo, the seed and a restore, with no writer counting by hand', async () => {
    const db = freshDatabase();
    await ensureSeeded(db, () => 1_700_000_000_000);
    const caseId = (await readSeedMarker(db))!.caseId;
    expect(await countEntitiesByType(db, caseId)).toEqual(await recount(db, caseId));
    expect(await namesVersion(db, caseId)).toBeGreaterThan(0);

    const [a, b] = await db.entities.where('[caseId+type]').equals([caseId, 'Person']).limit(2).toArray();
    const undo = await mergeEntities(db, a!.id, b!.id);
    expect(await countEntitiesByType(db, caseId)).toEqual(await recount(db, caseId));
    await undoMerge(db, undo);
    expect(await countEntitiesByType(db, caseId)).toEqual(await recount(db, caseId));

    const { caseId: copy } = await writeCaseSnapshot(db, (await readCaseSnapshot(db, caseId))!);
    expect(await countEntitiesByType(db, copy)).toEqual(await recount(db, caseId));
    expect(await namesVersion(db, copy)).toBeGreaterThan(0);

    await db.transaction('rw', db.entities, db.caseStats, () => db.entities.filter((e) => e.caseId === copy).delete());
    expect(await countEntitiesByType(db, copy)).toEqual(await recount(db, copy));
    expect(Object.values(await countEntitiesByType(db, copy)).every((n) => n === 0)).toBe(true);
  });

  it('stay right through any mix of writes, including clear() and a transaction that fails', async () => {
    const db = freshDatabase();
    const ids: string[] = [];
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let step = 0; step < 120; step++) {
      const op = rnd(4);
      if (op === 0 || ids.length === 0) ids.push(await createEntity(db, ['case-x', 'case-y'][rnd(2)]!, draft(`E${step}`, { type: ENTITY_TYPES[rnd(ENTITY_TYPES.length)]! })));
      else if (op === 1) await updateEntity(db, ids[rnd(ids.length)]!, draft(`R${step}`, { type: ENTITY_TYPES[rnd(ENTITY_TYPES.length)]! }));
      else if (op === 2) await deleteEntity(db, ids.splice(rnd(ids.length), 1)[0]!);
      else {
        // A transaction that writes and then fails leaves counters as they were.
        const before = await countEntitiesByType(db, 'case-x');
        await db
          .transaction('rw', db.entities, db.caseStats, async () => {
            await db.entities.add({ ...(await db.entities.get(ids[0]!))!, id: `doomed-${step}`, caseId: 'case-x' });
            throw new Error('abort');
          })
          .catch(() => undefined);
        expect(await countEntitiesByType(db, 'case-x')).toEqual(before);
      }
    }
    for (const c of ['case-x', 'case-y']) expect(await countEntitiesByType(db, c)).toEqual(await recount(db, c));
    await db.transaction('rw', db.entities, db.caseStats, () => db.entities.clear());
    for (const c of ['case-x', 'case-y']) expect(Object.values(await countEntitiesByType(db, c)).every((n) => n === 0)).toBe(true);
  });

  it('refuse a write that would change them outside a transaction over caseStats; other writes need none', async () => {
    const db = freshDatabase();
    const id = await createEntity(db, CASE, draft('Anne Milgram'));
    await expect(db.entities.update(id, { name: 'Someone else' })).rejects.toBeInstanceOf(CountersOutOfScopeError);
    expect((await db.entities.get(id))!.name).toBe('Anne Milgram');
    await db.entities.update(id, { description: 'no names change' });
    expect((await db.entities.get(id))!.description).toBe('no names change');
  });
});
