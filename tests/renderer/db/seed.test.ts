import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../renderer/db/database';
import { countEntitiesByType } from '../../../renderer/db/entities';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { ENTITY_TYPES } from '../../../shared/model';
import { loadSeedFiles } from '../../../shared/seed/data';
import { buildSeedRecords } from '../../../shared/seed/records';
import { freshDatabase, uniqueName } from './fresh-db';

const articleBytes = readFileSync(new URL('../../../shared/seed/fentanyl-article.txt', import.meta.url));
const articleSha = createHash('sha256').update(articleBytes).digest('hex');
const expected = buildSeedRecords({ ...loadSeedFiles(), article: articleBytes.toString('utf8'), articleSha256: articleSha }, 0);

async function counts(db: ReturnType<typeof freshDatabase>) {
  return {
    cases: await db.cases.count(),
    sources: await db.sources.count(),
    entities: await db.entities.count(),
    relations: await db.relations.count(),
    notes: await db.notes.count(),
    mentions: await db.mentions.count(),
  };
}
const expectedCounts = {
  cases: 1,
  sources: 1,
  entities: expected.entities.length,
  relations: expected.relations.length,
  notes: expected.notes.length,
  mentions: expected.mentions.length,
};

describe('ensureSeeded', () => {
  it('seeds an empty database once, then reports already', async () => {
    const db = freshDatabase();
    expect(await ensureSeeded(db)).toBe('seeded');
    expect(await counts(db)).toEqual(expectedCounts);
    expect(await ensureSeeded(db)).toBe('already');
    expect(await counts(db)).toEqual(expectedCounts);
  });

  it('loads the article byte for byte through the ?raw import', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const source = await db.sources.get(expected.source.id);
    expect(source?.sha256).toBe(articleSha);
    expect(source?.size).toBe(articleBytes.length);
    expect(createHash('sha256').update((await db.sourceBodies.get(expected.source.id))?.text ?? '', 'utf8').digest('hex')).toBe(articleSha);
  });

  it('writes the records buildSeedRecords makes, stamped with now()', async () => {
    const db = freshDatabase();
    await ensureSeeded(db, () => 1_234);
    expect(await db.cases.get(expected.case.id)).toEqual({ ...expected.case, createdAt: 1_234, updatedAt: 1_234 });
    const note = await db.notes.get(expected.notes[0]!.id);
    expect(note?.text).toBe(expected.notes[0]?.text);
    expect((await db.mentions.toArray()).map((m) => m.id).sort()).toEqual(expected.mentions.map((m) => m.id).sort());
    expect(await readSeedMarker(db)).toEqual({ seededAt: 1_234, caseId: expected.case.id });
  });

  it('indexes seeded entities for suggestions and counts them per type', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const milgram = await db.entities.get('ent-anne-milgram');
    expect(milgram?.searchKeys).toEqual(expect.arrayContaining(['anne milgram', 'anne', 'milgram']));
    const byType = await countEntitiesByType(db, expected.case.id);
    for (const type of ENTITY_TYPES) expect(byType[type], type).toBe(expected.entities.filter((e) => e.type === type).length);
  });

  it('keeps the marker’s seededAt on later calls', async () => {
    const db = freshDatabase();
    await ensureSeeded(db, () => 1_000);
    expect(await ensureSeeded(db, () => 2_000)).toBe('already');
    expect((await readSeedMarker(db))?.seededAt).toBe(1_000);
  });

  it('seeds once when two connections to the same database start at the same time', async () => {
    const name = uniqueName('race');
    const a = freshDatabase(name);
    const b = openDatabase(name);
    try {
      const results = await Promise.all([ensureSeeded(a), ensureSeeded(b)]);
      expect(results.sort()).toEqual(['already', 'seeded']);
      expect(await counts(a)).toEqual(expectedCounts);
      expect(await counts(b)).toEqual(expectedCounts);
      const byType = await countEntitiesByType(a, expected.case.id);
      expect(byType.Person).toBe(expected.entities.filter((e) => e.type === 'Person').length);
    } finally {
      b.close();
    }
  });

  it('does not seed again after the user deleted the seeded case', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    await db.cases.clear();
    expect(await ensureSeeded(db)).toBe('already');
    expect(await db.cases.count()).toBe(0);
  });

  it('leaves nothing half-written when seeding fails', async () => {
    const db = freshDatabase();
    // A record that clashes with a seed id makes the bulk add fail part way.
    await db.notes.add({ ...expected.notes[0]!, title: 'mine' });
    await expect(ensureSeeded(db)).rejects.toThrow();
    expect(await readSeedMarker(db)).toBeUndefined();
    expect(await db.cases.count()).toBe(0);
    expect(await db.entities.count()).toBe(0);
    expect(await db.notes.count()).toBe(1);
    expect((await countEntitiesByType(db, expected.case.id)).Person).toBe(0);
  });
});
