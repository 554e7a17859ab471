import 'fake-indexeddb/auto';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { createEntity, countEntitiesByType } from '../../../renderer/db/entities';
import { acceptCandidate, acceptCandidateAsAlias, listPendingCandidates, rejectCandidate, storeCandidates, unrejectCandidate } from '../../../renderer/db/candidates';
import { mergeEntities, undoMerge } from '../../../renderer/db/merge';
import { deleteEntity, restoreEntity } from '../../../renderer/db/delete-entity';
import { createNote, saveNoteContent } from '../../../renderer/db/notes';
import type { Candidate } from '../../../shared/linking/extract';
import type { Relation } from '../../../shared/model';
import { draft, freshDatabase } from './fresh-db';

const CASE = 'case-1';
const TEXT = 'Rahul Gupta met Anne Milgram. Later, Gupta spoke in Wuhan.';
const candidate = (name: string, type: Candidate['type'], ...starts: number[]): Candidate => ({
  name,
  type,
  key: name.toLowerCase(),
  occurrences: starts.map((start) => ({ start, end: start + name.length })),
  evidence: { mentions: starts.length, midSentence: starts.length },
});
const mention = (entityId: string, label: string): JSONContent => ({ type: 'entityMention', attrs: { entityId, label, entityType: 'Person' } });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph', content }] });

async function withSource(db = freshDatabase()) {
  await db.sources.add({ id: 'src-1', caseId: CASE, title: 'Memo', format: 'text', sha256: 'a', size: TEXT.length, metadata: {}, importedAt: 1 });
  await db.sourceBodies.add({ sourceId: 'src-1', caseId: CASE, text: TEXT });
  return db;
}

describe('review queue', () => {
  it('queues new names with their sighting, and leaves out names the case already has', async () => {
    const db = await withSource();
    await createEntity(db, CASE, draft('Anne Milgram'));
    await storeCandidates(db, CASE, 'src-1', TEXT, [candidate('Rahul Gupta', 'Person', 0), candidate('Anne Milgram', 'Person', 16), candidate('Wuhan', 'Place', 52)]);
    const queue = await listPendingCandidates(db, CASE);
    expect(queue.map((c) => c.name)).toEqual(['Rahul Gupta', 'Wuhan']);
    expect(queue[0]!.sightings).toEqual([expect.objectContaining({ sourceId: 'src-1', count: 1, start: 0, end: 11 })]);
    expect(queue[0]!.sightings[0]!.snippet).toContain('Rahul Gupta');
  });

  it('adds up sightings of one name across sources and ranks by how often it was seen', async () => {
    const db = await withSource();
    await storeCandidates(db, CASE, 'src-1', TEXT, [candidate('Wuhan', 'Place', 52), candidate('Rahul Gupta', 'Person', 0)]);
    await storeCandidates(db, CASE, 'src-2', 'Wuhan, Wuhan.', [candidate('Wuhan', 'Place', 0, 7)]);
    const queue = await listPendingCandidates(db, CASE);
    expect(queue.map((c) => [c.name, c.count])).toEqual([['Wuhan', 3], ['Rahul Gupta', 1]]);
    // Storing the same source again replaces its sighting rather than counting it twice.
    await storeCandidates(db, CASE, 'src-2', 'Wuhan, Wuhan.', [candidate('Wuhan', 'Place', 0, 7)]);
    expect((await listPendingCandidates(db, CASE))[0]!.count).toBe(3);
  });

  it('accepts a candidate as a new entity of the chosen type, and it leaves the queue', async () => {
    const db = await withSource();
    await storeCandidates(db, CASE, 'src-1', TEXT, [candidate('Wuhan', 'Place', 52)]);
    const [c] = await listPendingCandidates(db, CASE);
    const before = (await db.caseStats.get(CASE))?.namesVersion ?? 0;
    const id = await acceptCandidate(db, c!.id, { type: 'Place' });
    expect(await db.entities.get(id)).toMatchObject({ name: 'Wuhan', type: 'Place', caseId: CASE, nameKeys: ['wuhan'] });
    expect(await listPendingCandidates(db, CASE)).toEqual([]);
    expect((await countEntitiesByType(db, CASE)).Place).toBe(1);
    expect((await db.caseStats.get(CASE))?.namesVersion).toBe(before + 1);
  });

  it('accepts a candidate as an alias of an existing entity', async () => {
    const db = await withSource();
    const rahul = await createEntity(db, CASE, draft('Rahul Gupta'));
    await storeCandidates(db, CASE, 'src-1', TEXT, [candidate('Dr. Gupta', 'Person', 37)]);
    const [c] = await listPendingCandidates(db, CASE);
    await acceptCandidateAsAlias(db, c!.id, rahul);
    expect((await db.entities.get(rahul))?.aliases).toEqual(['Dr. Gupta']);
    expect(await db.candidates.count()).toBe(0);
  });

  it('keeps a rejected name rejected when a later import finds it again; Undo brings it back', async () => {
    const db = await withSource();
    await storeCandidates(db, CASE, 'src-1', TEXT, [candidate('Later', 'Person', 30)]);
    const [c] = await listPendingCandidates(db, CASE);
    await rejectCandidate(db, c!.id);
    await storeCandidates(db, CASE, 'src-2', 'Later on.', [candidate('Later', 'Person', 0)]);
    expect(await listPendingCandidates(db, CASE)).toEqual([]);
    expect((await db.candidates.get(c!.id))?.status).toBe('rejected');
    await unrejectCandidate(db, c!.id);
    expect((await listPendingCandidates(db, CASE)).map((x) => x.name)).toEqual(['Later']);
  });

  it('hides a queued name once an entity goes by it, and refuses a candidate already handled', async () => {
    const db = await withSource();
    await storeCandidates(db, CASE, 'src-1', TEXT, [candidate('Wuhan', 'Place', 52)]);
    const [c] = await listPendingCandidates(db, CASE);
    await createEntity(db, CASE, draft('Wuhan City', { type: 'Place', aliases: ['Wuhan'] }));
    expect(await listPendingCandidates(db, CASE)).toEqual([]);
    await db.candidates.delete(c!.id);
    await expect(acceptCandidate(db, c!.id)).rejects.toThrow(/no longer in the review queue/);
  });
});

describe('merge', () => {
  async function scene() {
    const db = await withSource();
    const keep = await createEntity(db, CASE, draft('Rahul Gupta', { aliases: ['Dr. Gupta'], description: 'ONDCP director' }));
    const dup = await createEntity(db, CASE, draft('Rahul Gupta (ONDCP)', { aliases: ['Gupta', 'dr. gupta'], properties: { role: 'Director' }, protected: true }));
    const wuhan = await createEntity(db, CASE, draft('Wuhan', { type: 'Place' }));
    const rel = (id: string, fromId: string, toId: string): Relation => ({ id, caseId: CASE, type: 'related_to', fromId, toId, quotes: [], createdAt: 1 });
    await db.relations.bulkAdd([rel('r-dup-wuhan', dup, wuhan), rel('r-keep-dup', keep, dup)]);
    await db.mentions.add({ id: 'm1', caseId: CASE, entityId: dup, targetKind: 'source', targetId: 'src-1', start: 37, end: 42, snippet: 'Gupta', status: 'suggested' });
    const noteId = await createNote(db, CASE, 'N');
    await saveNoteContent(db, noteId, doc(mention(dup, 'Gupta'), { type: 'text', text: ' and ' }, mention(keep, 'Rahul Gupta')));
    return { db, keep, dup, wuhan, noteId };
  }

  it('unites names, mentions, relations and note mentions under the kept entity', async () => {
    const { db, keep, dup, wuhan, noteId } = await scene();
    await mergeEntities(db, keep, dup);
    const kept = await db.entities.get(keep);
    expect(kept?.aliases).toEqual(['Dr. Gupta', 'Rahul Gupta (ONDCP)', 'Gupta']);
    expect(kept).toMatchObject({ description: 'ONDCP director', properties: { role: 'Director' }, protected: true });
    expect(await db.entities.get(dup)).toBeUndefined();
    expect((await db.mentions.get('m1'))?.entityId).toBe(keep);
    expect(await db.relations.get('r-dup-wuhan')).toMatchObject({ fromId: keep, toId: wuhan });
    expect(await db.relations.get('r-keep-dup')).toBeUndefined(); // would relate the entity to itself
    const content = (await db.notes.get(noteId))!.content;
    expect(JSON.stringify(content)).not.toContain(dup);
    expect((await countEntitiesByType(db, CASE)).Person).toBe(1);
  });

  it('is undone exactly: both entities, mentions, relations and the note as they were', async () => {
    const { db, keep, dup, noteId } = await scene();
    const snapshot = async () => ({
      entities: await db.entities.orderBy('id').toArray(),
      mentions: await db.mentions.orderBy('id').toArray(),
      relations: await db.relations.orderBy('id').toArray(),
      note: (await db.notes.get(noteId))!.content,
      counts: await countEntitiesByType(db, CASE),
    });
    const before = await snapshot();
    const undo = await mergeEntities(db, keep, dup);
    await undoMerge(db, undo);
    expect(await snapshot()).toEqual(before);
    await expect(undoMerge(db, undo)).rejects.toThrow(/already been undone/);
  });

  it('keeps edits made to a note after the merge when undoing it', async () => {
    const { db, keep, dup, noteId } = await scene();
    const undo = await mergeEntities(db, keep, dup);
    await saveNoteContent(db, noteId, doc(mention(keep, 'Gupta'), { type: 'text', text: ' and a new sentence.' }));
    await undoMerge(db, undo);
    const content = JSON.stringify((await db.notes.get(noteId))!.content);
    expect(content).toContain('a new sentence');
    expect(content).toContain(dup);
  });

  it('refuses to merge an entity into itself or across cases', async () => {
    const { db, keep } = await scene();
    await expect(mergeEntities(db, keep, keep)).rejects.toThrow(/itself/);
    const other = await createEntity(db, 'case-2', draft('Someone'));
    await expect(mergeEntities(db, keep, other)).rejects.toThrow(/different cases/);
  });
});

describe('delete entity', () => {
  it('removes the entity with its mentions and relations, and Undo restores them all', async () => {
    const db = await withSource();
    const a = await createEntity(db, CASE, draft('Anne Milgram'));
    const b = await createEntity(db, CASE, draft('DEA', { type: 'PublicBody' }));
    await db.relations.add({ id: 'r1', caseId: CASE, type: 'leads', fromId: a, toId: b, quotes: [], createdAt: 1 });
    await db.mentions.add({ id: 'm1', caseId: CASE, entityId: a, targetKind: 'source', targetId: 'src-1', start: 16, end: 28, snippet: 'Anne Milgram', status: 'suggested' });
    const deleted = await deleteEntity(db, a);
    expect([await db.entities.get(a), await db.relations.get('r1'), await db.mentions.get('m1')]).toEqual([undefined, undefined, undefined]);
    expect((await countEntitiesByType(db, CASE)).Person).toBe(0);
    await restoreEntity(db, deleted);
    expect(await db.entities.get(a)).toMatchObject({ name: 'Anne Milgram' });
    expect(await db.relations.get('r1')).toBeDefined();
    expect(await db.mentions.get('m1')).toBeDefined();
    expect((await countEntitiesByType(db, CASE)).Person).toBe(1);
  });
});
