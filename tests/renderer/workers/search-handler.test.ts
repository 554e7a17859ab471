import { describe, expect, it } from 'vitest';
import { createRpcClient, inProcessPort, serveRpc } from '../../../renderer/workers/rpc';
import { createSearchHandlers } from '../../../renderer/workers/search/handler';
import type { SearchMethods } from '../../../renderer/workers/search/protocol';
import { articleSource, note, seedEntities } from '../../shared/search/fixture';

/** The search worker's own code behind the renderer's RPC client, in-process. */
function setup() {
  return createRpcClient(inProcessPort<SearchMethods>((post) => serveRpc(createSearchHandlers({ batch: 2, pause: () => Promise.resolve() }), post)));
}

describe('search worker handlers', () => {
  it('starts empty, indexes upserts and answers queries', async () => {
    const search = setup();
    const upserted = await search.call('upsert', { targets: [{ kind: 'source', source: articleSource }, ...seedEntities.map((entity) => ({ kind: 'entity' as const, entity }))] });
    expect(upserted).toMatchObject({ ok: true, value: { documents: expect.any(Number) } });
    const reply = await search.call('query', { query: 'Wuhan', limit: 5 });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.value.hits[0]).toMatchObject({ kind: 'entity', title: 'Wuhan' });
    expect(reply.value.hits.some((h) => h.title === 'Yuancheng Group')).toBe(true);
    expect(reply.value.hits.length).toBeLessThanOrEqual(5);
  });

  it('removes targets', async () => {
    const search = setup();
    void search.call('upsert', { targets: [{ kind: 'note', note: note('n1', 'Visit', 'Tramadol at Manzanillo.') }] });
    expect(await search.call('remove', { targets: [{ kind: 'note', id: 'n1' }] })).toEqual({ ok: true, value: { documents: 0 } });
    expect(await search.call('query', { query: 'manzanillo' })).toMatchObject({ ok: true, value: { hits: [] } });
  });

  it('drops a query made stale by a newer one', async () => {
    const search = setup();
    void search.call('upsert', { targets: [{ kind: 'source', source: articleSource }] });
    const [first, second, third] = await Promise.all([
      search.call('query', { query: 'fentanyl', limit: 20 }),
      search.call('query', { query: 'fentanyl', limit: 20 }),
      search.call('query', { query: 'cartel', limit: 20 }),
    ]);
    expect(first).toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(third).toMatchObject({ ok: true, value: { hits: expect.arrayContaining([expect.objectContaining({ kind: 'source' })]) } });
    expect(await search.call('query', { query: 'cartel' })).toMatchObject({ ok: true });
  });
});
