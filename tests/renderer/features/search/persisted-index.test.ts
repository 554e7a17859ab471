import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { buildSearchCorpus } from '../../../../bench/search-corpus';
import { createEntity } from '../../../../renderer/db/entities';
import { createNote, deleteNote, saveNoteContent } from '../../../../renderer/db/notes';
import { addSampleCase } from '../../../../renderer/db/seed';
import { addImportedSource, trashSource } from '../../../../renderer/db/sources';
import type { CasebookDexie } from '../../../../renderer/db/database';
import { SearchService } from '../../../../renderer/features/search/search-service';
import { createRpcClient, inProcessPort, serveRpc } from '../../../../renderer/workers/rpc';
import { createCaseStore } from '../../../../renderer/workers/search/case-store';
import { createSearchHandlers } from '../../../../renderer/workers/search/handler';
import type { SearchMethods } from '../../../../renderer/workers/search/protocol';
import { SEARCH_INDEX_VERSION } from '../../../../shared/search/index';
import { draft, freshDatabase } from '../../db/fresh-db';

/**
 * The search worker's own code in-process, reading the same database as the
 * renderer (as the real worker opens it). `persistent: false` gives a worker
 * that cannot open the database: the service then builds from scratch.
 */
function searchService(db: CasebookDexie, caseId: string, { persistent = true, textBudget }: { persistent?: boolean; textBudget?: number } = {}) {
  const handlers = createSearchHandlers({
    pause: () => Promise.resolve(),
    ...(persistent ? { openStore: (_name: string, id: string) => createCaseStore(db, id) } : {}),
    ...(textBudget !== undefined ? { textBudget } : {}),
  });
  return new SearchService(db, caseId, createRpcClient(inProcessPort<SearchMethods>((post) => serveRpc(handlers, post))));
}

/** The seeded sample case plus 200 imported documents from the search bench's generator. */
async function seededCasePlus200() {
  const db = freshDatabase();
  const caseId = await addSampleCase(db);
  const corpus = buildSearchCorpus({ notes: 0, sources: 200, entities: 0, sourceChars: 2500 }, 7);
  for (const [i, s] of corpus.sources.entries()) {
    await addImportedSource(db, caseId, { title: s.title, format: s.format, text: s.text, ...(s.pages ? { pages: s.pages } : {}), sha256: `sha-${i}`, size: s.text.length, metadata: {}, fileName: `doc-${i}.txt` });
  }
  const memo = await createNote(db, caseId, 'Memo on tramadol');
  await saveNoteContent(db, memo, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Tramadol seized in transit.' }] }] });
  return { db, caseId, queries: corpus.queries };
}

const QUERIES = ['tramadol', 'fentanyl', 'Wuhan', 'yuancheng', 'fentanil', 'precurs', '"dual enforcement standard"', 'kind:source cartel', 'kind:entity type:Person', 'cartel -mexico', 'nitazene lab'];

const results = async (service: SearchService, queries: string[]) => {
  const out: unknown[] = [];
  for (const query of queries) {
    const r = await service.search(query, 30);
    if (!r) throw new Error(`no answer for ${query}`);
    out.push({ query, total: r.total, totals: r.totals, hits: r.hits.map((h) => ({ ...h, score: Number(h.score.toPrecision(10)) })) });
  }
  return out;
};

const savedIndex = (db: CasebookDexie, caseId: string) => db.searchIndexes.get(caseId);

describe('persisted search index', () => {
  it('reopens from the saved index, applies only the changes since, and answers exactly as a fresh build', { timeout: 120_000 }, async () => {
    const { db, caseId, queries } = await seededCasePlus200();

    const first = searchService(db, caseId);
    await first.start();
    await expect.poll(() => savedIndex(db, caseId), { timeout: 30_000 }).toMatchObject({ version: SEARCH_INDEX_VERSION, changeSeq: expect.any(Number) });
    first.dispose();
    const saved = (await savedIndex(db, caseId))!;

    // Changes while no index is open (as after a crash before the next save): only the journal knows.
    const notes = await db.notes.where('[caseId+updatedAt]').between([caseId, -Infinity], [caseId, Infinity]).toArray();
    await saveNoteContent(db, notes[0]!.id, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nitazene lab found near the cartel warehouse.' }] }] });
    await deleteNote(db, notes[1]!.id);
    const sources = await db.sources.where('caseId').equals(caseId).toArray();
    await trashSource(db, caseId, sources[0]!.id);
    await createEntity(db, caseId, draft('Nitazene Lab Operator', { description: 'Runs the lab.' }));

    const reopened = searchService(db, caseId, { textBudget: 20_000 });
    const statuses: boolean[] = [];
    reopened.subscribe(() => statuses.push(reopened.getStatus().building));
    await reopened.start();
    // Restored, not rebuilt: no target was fed to the index one by one.
    expect(reopened.getStatus()).toMatchObject({ building: false, restoring: false, total: 0, indexed: 0 });

    const fresh = searchService(db, caseId, { persistent: false });
    await fresh.start();
    expect(fresh.getStatus()).toMatchObject({ building: false });
    expect(fresh.getStatus().total).toBeGreaterThan(200);

    const asked = [...QUERIES, ...queries];
    const restoredResults = await results(reopened, asked);
    expect(restoredResults).toEqual(await results(fresh, asked));
    expect(restoredResults.filter((r) => (r as { hits: unknown[] }).hits.length > 0).length).toBeGreaterThan(asked.length / 2);
    // The edits are in: the new note text and entity are found, the trashed source and deleted note are not.
    const nitazene = (restoredResults[QUERIES.indexOf('nitazene lab')] as { hits: { id: string; kind: string }[] }).hits;
    expect(nitazene.map((h) => `${h.kind}:${h.id}`)).toEqual(expect.arrayContaining([`note:${notes[0]!.id}`]));
    expect(nitazene.some((h) => h.kind === 'entity')).toBe(true);
    const all = (restoredResults as { hits: { id: string }[] }[]).flatMap((r) => r.hits.map((h) => h.id));
    expect(all).not.toContain(sources[0]!.id);
    expect(all).not.toContain(notes[1]!.id);

    // The next save brings the counter forward and spends the journal.
    reopened['save']();
    await expect.poll(async () => (await savedIndex(db, caseId))!.changeSeq, { timeout: 30_000 }).toBeGreaterThan(saved.changeSeq);
    expect(await db.searchChanges.where('[caseId+seq]').between([caseId, 0], [caseId, (await savedIndex(db, caseId))!.changeSeq], true, true).count()).toBe(0);
    reopened.dispose();
    fresh.dispose();
  });

  it('rebuilds in the background when the saved index is of another version, showing progress, notes and entities first', { timeout: 120_000 }, async () => {
    const { db, caseId } = await seededCasePlus200();
    const first = searchService(db, caseId);
    await first.start();
    await expect.poll(() => savedIndex(db, caseId), { timeout: 30_000 }).toBeDefined();
    first.dispose();
    await db.searchIndexes.update(caseId, { version: SEARCH_INDEX_VERSION - 1, snapshot: { ...(await savedIndex(db, caseId))!.snapshot, version: SEARCH_INDEX_VERSION - 1 } });

    const again = searchService(db, caseId);
    const seen: { indexed: number; sourcesPending: number }[] = [];
    again.subscribe(() => seen.push({ indexed: again.getStatus().indexed, sourcesPending: again.getStatus().sourcesPending }));
    await again.start();
    expect(again.getStatus()).toMatchObject({ building: false, sourcesPending: 0 });
    expect(again.getStatus().total).toBeGreaterThan(200);
    // Progress was reported, and there was a moment with notes and entities in and sources still pending.
    expect(seen.some((s) => s.sourcesPending > 0 && s.indexed > 0 && s.indexed < again.getStatus().total)).toBe(true);
    await expect.poll(async () => (await savedIndex(db, caseId))!.version, { timeout: 30_000 }).toBe(SEARCH_INDEX_VERSION);
    again.dispose();
  });
});
