import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createNote, saveNoteContent } from '../../../../renderer/db/notes';
import { SearchService } from '../../../../renderer/features/search/search-service';
import { createRpcClient, inProcessPort, serveRpc, type RpcCall } from '../../../../renderer/workers/rpc';
import { createSearchHandlers } from '../../../../renderer/workers/search/handler';
import type { SearchMethods } from '../../../../renderer/workers/search/protocol';
import { freshDatabase } from '../../db/fresh-db';

/**
 * What the renderer posts to the search worker when a note is saved: the
 * worker's own code runs in-process, and every call posted to it is kept.
 * Posting is a structured clone on the main thread, so what is posted is
 * what every save of a big note pays for.
 */
describe('search upserts of notes', () => {
  it('posts a saved note’s title and text, never its document', async () => {
    const db = freshDatabase();
    const caseId = 'case-upsert';
    await db.cases.add({ id: caseId, title: 'Upserts', summary: '', createdAt: 1, updatedAt: 1 });
    const posted: RpcCall<SearchMethods>[] = [];
    const handlers = createSearchHandlers({ pause: () => Promise.resolve() });
    const port = inProcessPort<SearchMethods>((post) => serveRpc(handlers, post));
    const service = new SearchService(db, caseId, createRpcClient({ ...port, post: (call) => (posted.push(call), port.post(call)) }));
    await service.start();
    const noteId = await createNote(db, caseId, 'Harbour memo');
    await saveNoteContent(db, noteId, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The courier was paid in cash.' }] }] });

    await expect.poll(async () => (await service.search('courier', 10))?.hits.map((h) => h.id)).toEqual([noteId]);
    const noteUpserts = posted.flatMap((call) => (call.method === 'upsert' ? (call.request as { targets: { kind: string; note?: object }[] }).targets : [])).filter((t) => t.kind === 'note');
    expect(noteUpserts.length).toBeGreaterThan(0);
    for (const target of noteUpserts) {
      expect(target.note).toMatchObject({ id: noteId, caseId, title: 'Harbour memo' });
      expect(target.note).not.toHaveProperty('content');
    }
    service.dispose();
  });

  it('follows note saves without reading the stored note back', async () => {
    const db = freshDatabase();
    // Counts reads of whole notes below everything Dexie adds (its hooks read the row a put replaces).
    let noteReads = 0;
    db.use({
      stack: 'dbcore',
      name: 'CountNoteReads',
      level: 0,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'notes') return table;
          return {
            ...table,
            get: (req) => ((noteReads += 1), table.get(req)),
            getMany: (req) => ((noteReads += req.keys.length), table.getMany(req)),
          };
        },
      }),
    });
    const caseId = 'case-reads';
    await db.cases.add({ id: caseId, title: 'Reads', summary: '', createdAt: 1, updatedAt: 1 });
    const handlers = createSearchHandlers({ pause: () => Promise.resolve() });
    const service = new SearchService(db, caseId, createRpcClient(inProcessPort<SearchMethods>((post) => serveRpc(handlers, post))));
    await service.start();
    const noteId = await createNote(db, caseId, 'Harbour memo');

    noteReads = 0;
    await saveNoteContent(db, noteId, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Paid in cash at the port.' }] }] });
    await expect.poll(async () => (await service.search('port', 10))?.hits.map((h) => h.id)).toEqual([noteId]);
    // The save's own read of the note, and nothing else.
    expect(noteReads).toBe(1);
    service.dispose();
  });
});
