import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LinkingService } from '../../../renderer/features/linking/linking-service';
import { createRpcClient, inProcessPort, serveRpc } from '../../../renderer/workers/rpc';
import { createLinkerHandlers } from '../../../renderer/workers/linker/handler';
import type { LinkerMethods } from '../../../renderer/workers/linker/protocol';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { createEntity, updateEntity } from '../../../renderer/db/entities';
import { createNote, saveNoteContent, appendQuoteToNote } from '../../../renderer/db/notes';
import { addImportedSource } from '../../../renderer/db/sources';
import { checkCitation } from '../../../renderer/db/citations';
import { purgeSource, restoreSource, trashSource } from '../../../renderer/db/sources';
import { listPendingCandidates } from '../../../renderer/db/candidates';
import { draft, freshDatabase } from '../db/fresh-db';

/** The real service over the real worker logic, run in-process. */
async function seededCase() {
  const db = freshDatabase();
  await ensureSeeded(db);
  const caseId = (await readSeedMarker(db))!.caseId;
  const linking = new LinkingService(db, caseId, createRpcClient(inProcessPort<LinkerMethods>((post) => serveRpc(createLinkerHandlers(), post))));
  linking.start();
  await linking.idle();
  return { db, caseId, linking };
}

const foundIn = async (db: ReturnType<typeof freshDatabase>, kind: 'note' | 'source', id: string) =>
  (await db.mentions.where('[targetKind+targetId]').equals([kind, id]).toArray()).filter((m) => m.status === 'suggested');

describe('LinkingService', () => {
  it('links the seeded article at first start: every found range names its entity', async () => {
    const { db, caseId } = await seededCase();
    const [source] = await db.sources.where('caseId').equals(caseId).toArray();
    const text = (await db.sourceBodies.get(source!.id))!.text;
    const found = await foundIn(db, 'source', source!.id);
    expect(found.length).toBeGreaterThan(30);
    const yuancheng = await db.entities.where('nameKeys').equals('yuancheng group').first();
    // Every place the article names it is a mention, found or attested by a seed quote.
    const its = (await db.mentions.where('entityId').equals(yuancheng!.id).toArray()).filter((m) => m.targetId === source!.id);
    const named = [...text.matchAll(/Yuancheng Group/g)].map((m) => m.index);
    expect(named.every((at) => its.some((m) => m.start <= at! && at! < m.end))).toBe(true);
    for (const m of found.slice(0, 200)) {
      const entity = await db.entities.get(m.entityId);
      const names = [entity!.name, ...entity!.aliases].map((n) => n.toLowerCase());
      expect(names.some((n) => text.slice(m.start, m.end).toLowerCase().replace(/\s+/g, ' ').includes(n.slice(0, 3)))).toBe(true);
    }
    expect((await db.meta.get(`linked:${caseId}`))?.value).toBe((await db.caseStats.get(caseId))?.namesVersion);
  });

  it('puts names the seed lacks from the article in the review queue', async () => {
    const { db, caseId } = await seededCase();
    const queue = await listPendingCandidates(db, caseId);
    expect(queue.length).toBeGreaterThan(0);
    for (const c of queue) expect(await db.entities.where('nameKeys').equals(c.key).count()).toBe(0);
  });

  it('finds names in a saved note, and re-links the case when an alias is added', async () => {
    const { db, caseId, linking } = await seededCase();
    const noteId = await createNote(db, caseId, 'Plain');
    const sentence = 'The Yuancheng Group shipped from Wuhan via the Zebra Route.';
    await saveNoteContent(db, noteId, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence }] }] });
    linking.noteSaved(noteId);
    await linking.idle();
    const before = await foundIn(db, 'note', noteId);
    expect(before.map((m) => m.start)).toEqual(expect.arrayContaining([4]));

    const zebra = await createEntity(db, caseId, draft('Zebra Route', { type: 'Place' }));
    await linking.idle();
    const after = await foundIn(db, 'note', noteId);
    expect(after.find((m) => m.entityId === zebra)).toMatchObject({ start: sentence.indexOf('Zebra'), end: sentence.indexOf('Zebra') + 'Zebra Route'.length });

    const entity = (await db.entities.get(zebra))!;
    await updateEntity(db, zebra, { ...entity, aliases: ['the Route'] });
    await linking.idle();
    expect((await foundIn(db, 'note', noteId)).filter((m) => m.entityId === zebra).length).toBeGreaterThan(0);
  });

  it('links and extracts from an imported source', async () => {
    const { db, caseId, linking } = await seededCase();
    const text = 'Memo. Anne Milgram briefed Senator Maria Cantwell in Seattle about the Yuancheng Group. Maria Cantwell asked questions.';
    const added = await addImportedSource(db, caseId, { title: 'Memo', format: 'text', text, sha256: 'f'.repeat(64), size: text.length, metadata: {}, fileName: 'memo.txt' });
    if (added.status !== 'added') throw new Error('not added');
    linking.sourcesAdded(added.sourceIds);
    await linking.idle();
    const found = await foundIn(db, 'source', added.id);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(expect.arrayContaining(['Anne Milgram', 'Yuancheng Group']));
    expect((await db.sources.get(added.id))?.extractedAt).toBeGreaterThan(0);
    const queue = await listPendingCandidates(db, caseId);
    expect(queue.map((c) => c.name)).toContain('Maria Cantwell');
  });
});

describe('citations', () => {
  it('quotes a passage into a note, stores the citation row, and checks it against its source', async () => {
    const { db, caseId } = await seededCase();
    const [source] = await db.sources.where('caseId').equals(caseId).toArray();
    const text = (await db.sourceBodies.get(source!.id))!.text;
    const start = text.indexOf('Wuhan');
    const citation = { citationId: 'cite-1', sourceId: source!.id, start, end: start + 5, page: null, quote: 'Wuhan', sourceSha256: source!.sha256, sourceTitle: source!.title };
    const noteId = await createNote(db, caseId, 'Quotes');
    await appendQuoteToNote(db, noteId, citation);
    const note = (await db.notes.get(noteId))!;
    expect(note.content.content?.some((b) => b.type === 'blockquote')).toBe(true);
    expect(note.text).toContain(`Wuhan [${source!.title}]`);
    expect(await db.citations.where('noteId').equals(noteId).toArray()).toEqual([expect.objectContaining({ sourceId: source!.id, start, quote: 'Wuhan' })]);
    expect(await checkCitation(db, citation, caseId)).toEqual({ status: 'ok' });

    expect(await checkCitation(db, { ...citation, start: start + 1, end: start + 6 }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/no longer at this place/) });
    expect(await checkCitation(db, { ...citation, sourceSha256: 'other' }, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/changed/) });
    // In the Trash: broken, with the reason; restored: good again; deleted for good: gone.
    await trashSource(db, caseId, source!.id);
    expect(await checkCitation(db, citation, caseId)).toEqual({ status: 'broken', reason: 'The quoted source is in the Trash.' });
    await restoreSource(db, source!.id);
    expect(await checkCitation(db, citation, caseId)).toEqual({ status: 'ok' });
    await trashSource(db, caseId, source!.id);
    await purgeSource(db, source!.id);
    expect(await checkCitation(db, citation, caseId)).toMatchObject({ status: 'broken', reason: expect.stringMatching(/no longer in the case/) });
  });
});
