import { describe, expect, it } from 'vitest';
import type { SearchReply } from '../../../renderer/workers/search/protocol';
import { createSearchWorkerHandler } from '../../../renderer/workers/search/handler';
import { articleSource, note, seedEntities } from '../../shared/search/fixture';

function setup() {
  const replies: SearchReply[] = [];
  const handle = createSearchWorkerHandler((r) => replies.push(r), { batch: 2, pause: () => Promise.resolve() });
  return { replies, handle };
}

const results = (replies: SearchReply[], id: number) => replies.find((r) => (r.type === 'results' || r.type === 'cancelled') && r.id === id);

describe('search worker handler', () => {
  it('starts empty, indexes upserts and answers queries by id', async () => {
    const { replies, handle } = setup();
    handle({ type: 'init' });
    expect(replies[0]).toMatchObject({ type: 'ready', from: 'empty', documents: 0 });
    handle({ type: 'upsert', targets: [{ kind: 'source', source: articleSource }, ...seedEntities.map((entity) => ({ kind: 'entity' as const, entity }))] });
    await handle({ type: 'query', id: 1, query: 'Wuhan', limit: 5 });
    const reply = results(replies, 1);
    expect(reply).toMatchObject({ type: 'results', id: 1 });
    if (reply?.type !== 'results') throw new Error('no results');
    expect(reply.hits[0]).toMatchObject({ kind: 'entity', title: 'Wuhan' });
    expect(reply.hits.some((h) => h.title === 'Yuancheng Group')).toBe(true);
    expect(reply.hits.length).toBeLessThanOrEqual(5);
  });

  it('removes targets', async () => {
    const { replies, handle } = setup();
    handle({ type: 'upsert', targets: [{ kind: 'note', note: note('n1', 'Visit', 'Tramadol at Manzanillo.') }] });
    handle({ type: 'remove', targets: [{ kind: 'note', id: 'n1' }] });
    expect(replies.at(-1)).toEqual({ type: 'updated', documents: 0 });
    await handle({ type: 'query', id: 2, query: 'manzanillo' });
    expect(results(replies, 2)).toMatchObject({ hits: [] });
  });

  it('drops a query made stale by a newer one, and a cancelled one', async () => {
    const { replies, handle } = setup();
    handle({ type: 'upsert', targets: [{ kind: 'source', source: articleSource }] });
    const first = handle({ type: 'query', id: 10, query: 'fentanyl', limit: 20 });
    const second = handle({ type: 'query', id: 11, query: 'fentanyl', limit: 20 });
    const third = handle({ type: 'query', id: 12, query: 'cartel', limit: 20 });
    handle({ type: 'cancel', id: 12 });
    await Promise.all([first, second, third]);
    expect(results(replies, 10)).toEqual({ type: 'cancelled', id: 10 });
    expect(results(replies, 11)).toEqual({ type: 'cancelled', id: 11 });
    expect(results(replies, 12)).toEqual({ type: 'cancelled', id: 12 });
    await handle({ type: 'query', id: 13, query: 'cartel' });
    expect(results(replies, 13)).toMatchObject({ type: 'results' });
  });

  it('persists a snapshot, loads it, and takes the texts back', async () => {
    const { replies, handle } = setup();
    handle({ type: 'upsert', targets: [{ kind: 'source', source: articleSource }] });
    handle({ type: 'snapshot', id: 1 });
    const snap = replies.find((r) => r.type === 'snapshot');
    if (snap?.type !== 'snapshot') throw new Error('no snapshot');

    const next = setup();
    next.handle({ type: 'init', snapshot: snap.json });
    expect(next.replies[0]).toMatchObject({ type: 'ready', from: 'snapshot', missingTexts: [{ kind: 'source', id: articleSource.id }] });
    next.handle({ type: 'provide-texts', texts: [{ kind: 'source', id: articleSource.id, text: articleSource.text }] });
    await next.handle({ type: 'query', id: 5, query: '"dual enforcement standard"' });
    const reply = results(next.replies, 5);
    if (reply?.type !== 'results') throw new Error('no results');
    expect(reply.hits.length).toBeGreaterThan(0);
    expect(reply.hits[0]!.snippet.text).toMatch(/Dual Enforcement Standard/i);
  });

  it('starts empty from a snapshot of another version', () => {
    const { replies, handle } = setup();
    handle({ type: 'init', snapshot: JSON.stringify({ version: -1, terms: {}, docs: [] }) });
    expect(replies[0]).toMatchObject({ type: 'ready', from: 'empty' });
  });
});
