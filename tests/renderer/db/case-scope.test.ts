import { describe, expect, it } from 'vitest';
import { freshDatabase } from './fresh-db';
import { ensureSeeded } from '../../../renderer/db/seed';
import { backlinksOf, countEntitiesByType, listEntitiesOfType, relationsOf, suggestEntities } from '../../../renderer/db/entities';
import { evidenceFor } from '../../../renderer/db/relations';
import { listNotes } from '../../../renderer/db/notes';
import { listTrash } from '../../../renderer/db/trash';
import { listPendingCandidates } from '../../../renderer/db/candidates';
import { readCaseSnapshot } from '../../../renderer/db/snapshot';
import { bulkGetInCase, getInCase } from '../../../renderer/db/case-scope';
import { readerMentions } from '../../../renderer/features/sources/source-mentions';
import { loadGraphSlice } from '../../../renderer/features/graph/load-graph';
import { loadTimeline } from '../../../renderer/features/timeline/load-timeline';
import { loadBriefingRecords } from '../../../renderer/features/export/briefing-records';
import { foreignReferences } from '../../../shared/export/snapshot-references';
import type { CasebookDexie } from '../../../renderer/db/database';

const A = 'case-fentanyl';
const B = 'case-other';
const ANNE = 'ent-anne-milgram';
const ARTICLE = 'src-article';
const DRAFT = 'note-briefing-draft';

/**
 * Two cases in one store: the seeded case A, and a case B whose rows point
 * into A (what a backup restored by an older Casebook could plant, or a
 * chip pasted across cases): a relation to A's entity, mentions of A's entity
 * in A's source and note, a Trash row, a candidate. Written straight into the
 * tables, past every check, so only the reads stand between B and A.
 */
async function twoCases(): Promise<CasebookDexie> {
  const db = freshDatabase();
  await ensureSeeded(db, () => 1_700_000_000_000);
  const now = 1_800_000_000_000;
  await db.cases.add({ id: B, title: 'Other case', summary: '', createdAt: now, updatedAt: now });
  await db.transaction('rw', db.entities, db.caseStats, () => db.entities.add({ id: 'ent-b', caseId: B, type: 'Event', name: 'B event', aliases: [], description: '', properties: { date: '2023-04-20' }, protected: false, quotes: [], createdAt: now, updatedAt: now, nameKeys: [], searchKeys: [], sortName: '' }));
  await db.notes.add({ id: 'note-b', caseId: B, title: 'B note', content: { type: 'doc', content: [] }, text: 'B notes', createdAt: now, updatedAt: now });
  await db.sources.add({ id: 'src-b', caseId: B, title: 'B source', format: 'text', sha256: 'b'.repeat(64), size: 12, metadata: {}, importedAt: now });
  await db.sourceBodies.add({ sourceId: 'src-b', caseId: B, text: 'B source text' });
  await db.relations.add({ id: 'rel-planted', caseId: B, type: 'works_for', fromId: 'ent-b', toId: ANNE, date: '2023-04-21', quotes: [], createdAt: now });
  await db.mentions.bulkAdd([
    { id: 'm-planted-1', caseId: B, entityId: ANNE, targetKind: 'source', targetId: ARTICLE, start: 0, end: 5, snippet: 'planted', status: 'confirmed' },
    { id: 'm-planted-2', caseId: B, entityId: ANNE, targetKind: 'note', targetId: DRAFT, start: 0, end: 5, snippet: 'planted', status: 'confirmed' },
    { id: 'm-planted-3', caseId: B, entityId: 'ent-b', targetKind: 'source', targetId: ARTICLE, start: 10, end: 15, snippet: 'planted', status: 'confirmed' },
  ]);
  await db.candidates.add({ id: `${B}:x`, caseId: B, key: 'x', name: 'X', type: 'Person', status: 'pending', count: 1, updatedAt: now, sightings: [] });
  return db;
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('every read is scoped to its case', () => {
  it("case A's inspector, reader, graph and timeline read exactly what they read without case B", async () => {
    const db = await twoCases();
    const alone = freshDatabase();
    await ensureSeeded(alone, () => 1_700_000_000_000);

    const same = async <T,>(read: (d: CasebookDexie) => Promise<T>) => expect(await read(db)).toEqual(await read(alone));
    await same((d) => relationsOf(d, A, ANNE));
    await same((d) => backlinksOf(d, A, ANNE));
    await same((d) => readerMentions(d, A, ARTICLE));
    await same((d) => loadGraphSlice(d, A, { focusId: ANNE, depth: 2, expanded: new Set() }));
    await same((d) => loadGraphSlice(d, A, { focusId: null, depth: 2, expanded: new Set() }));
    await same((d) => loadTimeline(d, A));
    await same((d) => evidenceFor(d, A, ANNE, 'ent-merrick-garland'));
    // The fixture is meaningful: A's reads do find things.
    expect((await backlinksOf(db, A, ANNE)).length).toBeGreaterThan(0);
    expect((await readerMentions(db, A, ARTICLE)).length).toBeGreaterThan(0);
    expect(await evidenceFor(db, A, ANNE, 'ent-b')).toEqual([]);
  });

  it("case B sees nothing of case A through B's own rows that point into A", async () => {
    const db = await twoCases();
    const relations = await relationsOf(db, B, 'ent-b');
    expect(relations).toHaveLength(1);
    // The relation's other end is A's entity: not there for B.
    expect(relations[0]!.other).toBeUndefined();
    expect(await backlinksOf(db, B, ANNE)).toEqual([]);
    expect(await backlinksOf(db, B, 'ent-b')).toEqual([]); // its only mention is in A's article
    expect(await readerMentions(db, B, ARTICLE)).toEqual([]);

    const slice = await loadGraphSlice(db, B, { focusId: 'ent-b', depth: 2, expanded: new Set() });
    if (slice.kind !== 'slice') throw new Error('expected a slice');
    expect(ids(slice.entities)).toEqual(['ent-b']);
    const timeline = await loadTimeline(db, B);
    expect(JSON.stringify(timeline)).not.toContain('Anne Milgram');

    expect(await getInCase(db.entities, B, ANNE)).toBeUndefined();
    expect(await getInCase(db.sources, B, ARTICLE)).toBeUndefined();
    expect(await getInCase(db.sourceBodies, B, ARTICLE)).toBeUndefined();
    expect(await getInCase(db.notes, B, DRAFT)).toBeUndefined();
    expect(ids(await bulkGetInCase(db.entities, B, [ANNE, 'ent-b']))).toEqual(['ent-b']);
  });

  it('lists, counts, suggestions, the Trash, the review queue, exports and snapshots keep to their case', async () => {
    const db = await twoCases();
    expect(ids(await listNotes(db, B, 100))).toEqual(['note-b']);
    expect(ids(await listNotes(db, A, 100))).not.toContain('note-b');
    expect((await countEntitiesByType(db, B)).Event).toBe(1);
    expect((await countEntitiesByType(db, B)).Person).toBe(0);
    expect(ids(await listEntitiesOfType(db, B, 'Person', 100))).toEqual([]);
    expect(ids(await suggestEntities(db, B, 'Anne'))).toEqual([]);
    expect(ids(await suggestEntities(db, A, 'Anne'))).toContain(ANNE);
    expect(await listTrash(db, B)).toEqual([]);
    expect((await listPendingCandidates(db, A)).some((c) => c.caseId === B)).toBe(false);

    const records = await loadBriefingRecords(db, B);
    expect(JSON.stringify(records)).not.toContain('Milgram');

    const snapshotB = (await readCaseSnapshot(db, B))!;
    expect(foreignReferences(snapshotB)).toEqual([]);
    expect(JSON.stringify(snapshotB)).not.toContain(ANNE);
    const snapshotA = (await readCaseSnapshot(db, A))!;
    expect(JSON.stringify(snapshotA)).not.toContain('m-planted-');
    expect(JSON.stringify(snapshotA)).not.toContain('rel-planted');
  });
});
