import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  acceptCandidateAsAlias,
  acceptCandidates,
  candidateId,
  listPendingCandidates,
  rejectCandidates,
  rejectCandidatesWhere,
  reviewQueue,
  storeCandidates,
  undoAcceptCandidates,
  unrejectCandidates,
} from '../../../renderer/db/candidates';
import { addAlias, countEntitiesByType, createEntity } from '../../../renderer/db/entities';
import { similarEntities } from '../../../renderer/db/similar-entities';
import type { Candidate } from '../../../shared/linking/extract';
import { draft, freshDatabase } from './fresh-db';

const CASE = 'case-1';

/** A candidate written `count` times in `text`, `midSentence` of them capitalised mid-sentence. */
function found(text: string, name: string, type: Candidate['type'], midSentence?: number): Candidate {
  const occurrences = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ start: m.index!, end: m.index! + name.length }));
  return { name, type, key: name.toLowerCase(), occurrences, evidence: { mentions: occurrences.length, midSentence: midSentence ?? occurrences.length } };
}

async function withSources(db = freshDatabase()) {
  for (const [id, title] of [['src-1', 'Field report'], ['src-2', 'Court filing']] as const) {
    await db.sources.add({ id, caseId: CASE, title, format: 'text', sha256: id, size: 1, metadata: {}, importedAt: 1 });
  }
  return db;
}

const REPORT = 'Ships left Busan for Manzanillo. In Manzanillo the cargo of Golden Lotus Trading waited. Later Manzanillo closed; Wen Jiahui paid.';
const FILING = 'Golden Lotus Trading was named. Golden Lotus Trading and Wen Jiahui were charged; Hubei Amarvel Biotech was not.';

async function queueOfTwoSources() {
  const db = await withSources();
  await storeCandidates(db, CASE, 'src-1', REPORT, [
    found(REPORT, 'Busan', 'Place'),
    found(REPORT, 'Manzanillo', 'Place'),
    found(REPORT, 'Golden Lotus Trading', 'Organization'),
    found(REPORT, 'Wen Jiahui', 'Person'),
  ]);
  await storeCandidates(db, CASE, 'src-2', FILING, [
    found(FILING, 'Golden Lotus Trading', 'Organization', 0),
    found(FILING, 'Wen Jiahui', 'Person'),
    found(FILING, 'Hubei Amarvel Biotech', 'Organization', 0),
  ]);
  return db;
}

describe('the review queue view', () => {
  it('ranks by evidence: capitalised mid-sentence, in several sources, often', async () => {
    const db = await queueOfTwoSources();
    const names = (await listPendingCandidates(db, CASE)).map((c) => c.name);
    // Wen Jiahui: mid-sentence in both sources. Hubei Amarvel Biotech: only ever at a sentence's start.
    expect(names[0]).toBe('Wen Jiahui');
    expect(names[names.length - 1]).toBe('Hubei Amarvel Biotech');
    expect(names.indexOf('Manzanillo')).toBeLessThan(names.indexOf('Busan'));
  });

  it('filters by type and by source, and counts each', async () => {
    const db = await queueOfTwoSources();
    const all = await reviewQueue(db, CASE);
    expect(all.total).toBe(5);
    expect(all.byType).toEqual({ Person: 1, Organization: 2, Place: 2 });
    expect(all.bySource).toEqual([
      { sourceId: 'src-1', title: 'Field report', count: 4 },
      { sourceId: 'src-2', title: 'Court filing', count: 3 },
    ]);
    const places = await reviewQueue(db, CASE, { type: 'Place' });
    expect(places.shown.map((c) => c.name).sort()).toEqual(['Busan', 'Manzanillo']);
    expect(places.bySource).toEqual([{ sourceId: 'src-1', title: 'Field report', count: 2 }]);
    const filing = await reviewQueue(db, CASE, { sourceId: 'src-2' });
    expect(filing.matching).toBe(3);
    expect(filing.byType).toEqual({ Person: 1, Organization: 2, Place: 0 });
    const filedOrganizations = await reviewQueue(db, CASE, { sourceId: 'src-2', type: 'Organization' });
    expect(filedOrganizations.shown.map((c) => c.name).sort()).toEqual(['Golden Lotus Trading', 'Hubei Amarvel Biotech']);
  });

  it('keeps up to three passages per source, spread over it, with the name marked', async () => {
    const db = await queueOfTwoSources();
    const manzanillo = (await db.candidates.get(candidateId(CASE, 'manzanillo')))!;
    const passages = manzanillo.sightings[0]!.passages!;
    expect(passages).toHaveLength(3);
    expect(passages.map((p) => p.start)).toEqual([...REPORT.matchAll(/Manzanillo/g)].map((m) => m.index));
    for (const p of passages) expect(p.text.slice(p.markStart, p.markEnd)).toBe('Manzanillo');
    expect(manzanillo.sightings[0]!.midSentence).toBe(3);
  });
});

describe('bulk actions', () => {
  it('rejects many in one transaction, keeps them rejected on re-import, and Undo brings them back', async () => {
    const db = await queueOfTwoSources();
    const ids = (await listPendingCandidates(db, CASE)).map((c) => c.id);
    const rejected = await rejectCandidates(db, CASE, [...ids, 'case-1:no-such-name', 'other-case:busan']);
    expect(rejected.sort()).toEqual([...ids].sort());
    expect(await listPendingCandidates(db, CASE)).toEqual([]);
    await storeCandidates(db, CASE, 'src-1', REPORT, [found(REPORT, 'Busan', 'Place')]);
    expect(await listPendingCandidates(db, CASE)).toEqual([]);

    await unrejectCandidates(db, CASE, rejected);
    expect((await listPendingCandidates(db, CASE)).map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('rejects every candidate of a source, or of a type', async () => {
    const db = await queueOfTwoSources();
    const fromFiling = await rejectCandidatesWhere(db, CASE, { sourceId: 'src-2' });
    expect(fromFiling).toHaveLength(3);
    expect((await listPendingCandidates(db, CASE)).map((c) => c.name).sort()).toEqual(['Busan', 'Manzanillo']);
    const places = await rejectCandidatesWhere(db, CASE, { type: 'Place' });
    expect(places).toHaveLength(2);
    expect(await listPendingCandidates(db, CASE)).toEqual([]);
    await expect(rejectCandidatesWhere(db, CASE, {})).rejects.toThrow(/which source or type/);
  });

  it('accepts many as one type, and Undo takes the entities away and puts the candidates back', async () => {
    const db = await queueOfTwoSources();
    const before = (await db.caseStats.get(CASE))?.namesVersion ?? 0;
    const ids = [candidateId(CASE, 'busan'), candidateId(CASE, 'manzanillo')];
    const accepted = await acceptCandidates(db, CASE, ids, 'Place');
    expect(accepted.entityIds).toHaveLength(2);
    expect((await db.entities.bulkGet(accepted.entityIds)).map((e) => [e?.name, e?.type]).sort()).toEqual([['Busan', 'Place'], ['Manzanillo', 'Place']]);
    expect((await countEntitiesByType(db, CASE)).Place).toBe(2);
    expect((await db.caseStats.get(CASE))?.namesVersion).toBe(before + 1);
    expect((await listPendingCandidates(db, CASE)).map((c) => c.name)).not.toContain('Busan');

    // The linker found a mention meanwhile: the Undo takes it too.
    await db.mentions.add({ id: 'm-1', caseId: CASE, entityId: accepted.entityIds[0]!, targetKind: 'source', targetId: 'src-1', start: 11, end: 16, status: 'suggested', snippet: 'Busan' });
    await undoAcceptCandidates(db, accepted);
    expect(await db.entities.bulkGet(accepted.entityIds)).toEqual([undefined, undefined]);
    expect(await db.mentions.count()).toBe(0);
    expect((await countEntitiesByType(db, CASE)).Place).toBe(0);
    expect((await listPendingCandidates(db, CASE)).map((c) => c.name)).toEqual(expect.arrayContaining(['Busan', 'Manzanillo']));
  });

  it('does not make an entity twice when a name became one meanwhile', async () => {
    const db = await queueOfTwoSources();
    await createEntity(db, CASE, draft('Busan', { type: 'Place' }));
    const accepted = await acceptCandidates(db, CASE, [candidateId(CASE, 'busan'), candidateId(CASE, 'manzanillo')], 'Place');
    expect(accepted.candidates.map((c) => c.name)).toEqual(['Manzanillo']);
    expect(await db.entities.where('nameKeys').equals('busan').count()).toBe(1);
  });
});

describe('one addAlias', () => {
  it('adds a name once, bumps the names version, and refuses an entity of another case', async () => {
    const db = freshDatabase();
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    const version = (await db.caseStats.get(CASE))?.namesVersion ?? 0;
    expect((await addAlias(db, CASE, anne, '  DEA   Administrator Anne Milgram ')).added).toBe(true);
    expect((await db.entities.get(anne))?.aliases).toEqual(['DEA Administrator Anne Milgram']);
    expect((await db.caseStats.get(CASE))?.namesVersion).toBe(version + 1);
    expect((await addAlias(db, CASE, anne, 'dea administrator anne milgram')).added).toBe(false);
    expect((await db.caseStats.get(CASE))?.namesVersion).toBe(version + 1);
    await expect(addAlias(db, 'case-2', anne, 'Milgram')).rejects.toThrow(/not in this case/);
  });

  it('joins the caller’s transaction: a failure after it leaves the entity as it was', async () => {
    const db = freshDatabase();
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    await expect(
      db.transaction('rw', db.entities, db.caseStats, async () => {
        await addAlias(db, CASE, anne, 'A. Milgram');
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect((await db.entities.get(anne))?.aliases).toEqual([]);
  });

  it('is what accepting a candidate as an alias uses', async () => {
    const db = await withSources();
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    const text = 'DEA Administrator Anne Milgram spoke.';
    await storeCandidates(db, CASE, 'src-1', text, [found(text, 'DEA Administrator Anne Milgram', 'Person')]);
    const version = (await db.caseStats.get(CASE))?.namesVersion ?? 0;
    await acceptCandidateAsAlias(db, candidateId(CASE, 'dea administrator anne milgram'), anne);
    expect((await db.entities.get(anne))?.aliases).toEqual(['DEA Administrator Anne Milgram']);
    expect((await db.caseStats.get(CASE))?.namesVersion).toBe(version + 1);
    expect(await db.candidates.count()).toBe(0);
  });
});

describe('similar entities for "Alias of…"', () => {
  it('offers the entity whose whole name is in the candidate first', async () => {
    const db = freshDatabase();
    await createEntity(db, CASE, draft('DEA', { type: 'Organization' }));
    const anne = await createEntity(db, CASE, draft('Anne Milgram'));
    await createEntity(db, CASE, draft('Paul Milgram'));
    await createEntity(db, CASE, draft('Anne Frank'));
    await createEntity(db, CASE, draft('Wuhan', { type: 'Place' }));
    await createEntity(db, 'case-2', draft('Anne Milgram'));
    const similar = await similarEntities(db, CASE, 'DEA Administrator Anne Milgram');
    expect(similar[0]!.id).toBe(anne);
    expect(similar.map((e) => e.name)).toEqual(['Anne Milgram', 'DEA', 'Anne Frank', 'Paul Milgram']);
    expect(similar.every((e) => e.caseId === CASE)).toBe(true);
    expect(await similarEntities(db, CASE, 'Zhou Minghao')).toEqual([]);
  });
});
