import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createRelation, deleteRelation, evidenceFor } from '../../../renderer/db/relations';
import { createEntity, relationsOf } from '../../../renderer/db/entities';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { draft, freshDatabase } from './fresh-db';

describe('relations', () => {
  it('finds whole sentences naming both entities as evidence, each a verbatim quote', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const yuancheng = (await db.entities.where('nameKeys').equals('yuancheng group').first())!;
    const wuhan = (await db.entities.where('nameKeys').equals('wuhan').first())!;
    const quotes = await evidenceFor(db, yuancheng.caseId, yuancheng.id, wuhan.id);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      const text = (await db.sourceBodies.get(q.sourceId))!.text;
      expect(text.slice(q.start, q.end)).toBe(q.quote);
      expect(q.quote).toMatch(/Yuancheng/);
      expect(q.quote).toMatch(/Wuhan/);
    }
  });

  it('creates a typed, dated relation with its citation, and deletes it', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const caseId = (await readSeedMarker(db))!.caseId;
    const a = await createEntity(db, caseId, draft('Broker A'));
    const b = await createEntity(db, caseId, draft('Port B', { type: 'Place' }));
    const quote = { sourceId: 's', start: 0, end: 3, quote: 'abc' };
    const id = await createRelation(db, caseId, { type: 'operates_in', fromId: a, toId: b, date: ' 2023-04 ', description: '', quotes: [quote] });
    expect(await db.relations.get(id)).toMatchObject({ type: 'operates_in', date: '2023-04', quotes: [quote] });
    expect(await db.relations.get(id)).not.toHaveProperty('description');
    expect((await relationsOf(db, caseId, b)).map((r) => r.direction)).toEqual(['backward']);
    await deleteRelation(db, id);
    expect(await db.relations.get(id)).toBeUndefined();
    await expect(createRelation(db, caseId, { type: 'related_to', fromId: a, toId: a, date: '', description: '', quotes: [] })).rejects.toThrow(/two different/);
    await expect(createRelation(db, caseId, { type: 'related_to', fromId: a, toId: 'ent-nowhere', date: '', description: '', quotes: [] })).rejects.toThrow(/this case/);
  });
});
