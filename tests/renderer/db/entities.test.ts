import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countEntitiesByType, createEntity, listEntitiesOfType, updateEntity } from '../../../renderer/db/entities';
import { ensureSeeded } from '../../../renderer/db/seed';
import { ENTITY_TYPES } from '../../../shared/model';
import { loadSeedFiles } from '../../../shared/seed/data';
import { draft, freshDatabase } from './fresh-db';

const CASE = 'case-1';
const seedEntities = loadSeedFiles().entities;

describe('createEntity and updateEntity', () => {
  it('stores a new entity in the case with no quotes yet', async () => {
    const db = freshDatabase();
    const id = await createEntity(db, CASE, draft('Anne Milgram', { aliases: ['Milgram'], properties: { role: 'DEA official' }, protected: true }));
    expect(id).toMatch(/^ent-/);
    const e = await db.entities.get(id);
    expect(e).toMatchObject({ id, caseId: CASE, type: 'Person', name: 'Anne Milgram', aliases: ['Milgram'], protected: true, quotes: [] });
    expect(e?.createdAt).toBe(e?.updatedAt);
  });

  it('updates the fields of the draft and keeps the rest', async () => {
    const db = freshDatabase();
    const id = await createEntity(db, CASE, draft('Anne Milgram'));
    await db.entities.update(id, { quotes: [{ quote: 'Anne Milgram', start: 3, end: 15, sourceId: 'src' }] });
    await updateEntity(db, id, draft('Anne M. Milgram', { type: 'Person', description: 'DEA Administrator', protected: true }));
    const e = await db.entities.get(id);
    expect(e).toMatchObject({ caseId: CASE, name: 'Anne M. Milgram', description: 'DEA Administrator', protected: true });
    expect(e?.quotes).toHaveLength(1);
    expect(e?.updatedAt).toBeGreaterThanOrEqual(e!.createdAt);
  });

  it('refuses to update an entity that does not exist', async () => {
    const db = freshDatabase();
    await expect(updateEntity(db, 'ent-missing', draft('Nobody'))).rejects.toThrow();
    expect(await db.entities.count()).toBe(0);
  });
});

describe('countEntitiesByType', () => {
  it('gives zero for every type in an empty case', async () => {
    const db = freshDatabase();
    expect(await countEntitiesByType(db, CASE)).toEqual(Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])));
  });

  it('counts created entities per type and per case, and follows a change of type', async () => {
    const db = freshDatabase();
    await createEntity(db, CASE, draft('Anne Milgram'));
    await createEntity(db, CASE, draft('Merrick Garland'));
    const wuhan = await createEntity(db, CASE, draft('Wuhan', { type: 'Place' }));
    await createEntity(db, 'case-other', draft('Elsewhere'));
    expect(await countEntitiesByType(db, CASE)).toMatchObject({ Person: 2, Place: 1, Company: 0 });
    await updateEntity(db, wuhan, draft('Wuhan', { type: 'Event' }));
    expect(await countEntitiesByType(db, CASE)).toMatchObject({ Person: 2, Place: 0, Event: 1 });
    await updateEntity(db, wuhan, draft('Wuhan, Hubei', { type: 'Event' }));
    expect(await countEntitiesByType(db, CASE)).toMatchObject({ Person: 2, Place: 0, Event: 1 });
    expect((await countEntitiesByType(db, 'case-other')).Person).toBe(1);
  });

  it('counts every one of many entities created at the same time', async () => {
    const db = freshDatabase();
    await Promise.all(Array.from({ length: 12 }, (_, i) => createEntity(db, CASE, draft(`Person ${i}`))));
    expect((await countEntitiesByType(db, CASE)).Person).toBe(12);
  });

  it('matches the entities actually stored for the seeded case', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const counts = await countEntitiesByType(db, 'case-fentanyl');
    for (const type of ENTITY_TYPES) {
      expect(counts[type], type).toBe(await db.entities.where('[caseId+type]').equals(['case-fentanyl', type]).count());
      expect(counts[type], type).toBe(seedEntities.filter((e) => e.type === type).length);
    }
  });
});

describe('listEntitiesOfType', () => {
  it('lists the seeded places A–Z', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const names = (await listEntitiesOfType(db, 'case-fentanyl', 'Place', 100)).map((e) => e.name);
    expect(names).toEqual(seedEntities.filter((e) => e.type === 'Place').map((e) => e.name).sort());
    expect(names[0]).toBe('California');
  });

  it('stops at the limit, keeping the first names', async () => {
    const db = freshDatabase();
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo']) await createEntity(db, CASE, draft(name));
    expect((await listEntitiesOfType(db, CASE, 'Person', 2)).map((e) => e.name)).toEqual(['Alpha', 'Bravo']);
  });

  it('lists only the asked type of the asked case', async () => {
    const db = freshDatabase();
    await createEntity(db, CASE, draft('Alpha'));
    await createEntity(db, CASE, draft('Alpha Place', { type: 'Place' }));
    await createEntity(db, 'case-other', draft('Aardvark'));
    expect((await listEntitiesOfType(db, CASE, 'Person', 10)).map((e) => e.name)).toEqual(['Alpha']);
  });

  // Names such as “de la Cruz”, “el Mayo” or “Ávila” are common in this kind of case.
  it('sorts names alphabetically regardless of letter case and accents', async () => {
    const db = freshDatabase();
    for (const name of ['Zeta Holdings', 'de la Cruz', 'Ávila', 'Bravo']) await createEntity(db, CASE, draft(name));
    expect((await listEntitiesOfType(db, CASE, 'Person', 10)).map((e) => e.name)).toEqual(['Ávila', 'Bravo', 'de la Cruz', 'Zeta Holdings']);
  });
});
