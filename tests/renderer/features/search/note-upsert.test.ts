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
});
