import { describe, expect, it } from 'vitest';
import { createSearchIndex, loadSearchIndex, SEARCH_INDEX_VERSION } from '../../../shared/search/index';
import { articleSource, note, seededIndex, seedEntities } from './fixture';

describe('incremental updates', () => {
  it('finds a note once added, its new words once updated, nothing once removed', () => {
    const index = createSearchIndex();
    index.add({ kind: 'note', note: note('n1', 'Port visit', 'Containers of tramadol at the port of Manzanillo.') });
    expect(index.search('manzanillo ').map((h) => h.id)).toEqual(['n1']);

    index.update({ kind: 'note', note: note('n1', 'Port visit', 'Containers of xylazine at Lázaro Cárdenas.') });
    expect(index.search('manzanillo ')).toEqual([]);
    expect(index.search('lazaro cardenas ').map((h) => h.id)).toEqual(['n1']);
    expect(index.search('xylazine ')[0]!.snippet.text).toContain('Lázaro Cárdenas');
    expect(index.documentCount).toBe(1);

    index.remove('note', 'n1');
    expect(index.search('xylazine ')).toEqual([]);
    expect(index.has('note', 'n1')).toBe(false);
    expect(index.documentCount).toBe(0);
  });

  it('renames an entity: the old name no longer ranks it first', () => {
    const index = seededIndex();
    const yuancheng = seedEntities.find((e) => e.name === 'Yuancheng Group')!;
    index.update({ kind: 'entity', entity: { ...yuancheng, name: 'Hubei Yuancheng Chemical', aliases: ['YC Group'] } });
    expect(index.search('hubei yuancheng chemical')[0]).toMatchObject({ id: yuancheng.id, title: 'Hubei Yuancheng Chemical' });
    expect(index.search('yc group')[0]).toMatchObject({ id: yuancheng.id });
  });

  it('re-importing a source replaces all of its passages', () => {
    const index = createSearchIndex();
    index.add({ kind: 'source', source: articleSource });
    const before = index.documentCount;
    expect(before).toBeGreaterThan(1);
    index.add({ kind: 'source', source: { ...articleSource, text: 'A short replacement text about Wuhan.' } });
    expect(index.documentCount).toBe(1);
    expect(index.search('yuancheng kind:source')).toEqual([]);
    expect(index.search('wuhan')[0]!.range).toEqual({ start: 31, end: 36 });
  });

  it('splits a paged source by page and reports the page', () => {
    const text = 'First page about cartels.\n\nStill the first page.' + ' Second page mentions Wuhan.';
    const index = createSearchIndex();
    index.add({ kind: 'source', source: { ...articleSource, id: 's2', format: 'pdf', text, pages: [{ start: 0, end: 48 }, { start: 48, end: text.length }] } });
    const hit = index.search('wuhan')[0]!;
    expect(hit).toMatchObject({ id: 's2', page: 2, type: 'pdf' });
    expect(text.slice(hit.range.start, hit.range.end)).toBe('Wuhan');
  });
});

describe('serialization', () => {
  it('round-trips through a snapshot (structured clone, as IndexedDB keeps it), with texts given back afterwards', () => {
    const index = seededIndex();
    const loaded = loadSearchIndex(structuredClone(index.snapshot()))!;
    expect(loaded).toBeDefined();
    expect(loaded.documentCount).toBe(index.documentCount);
    const ids = (i: typeof index, q: string) => i.search(q).map((h) => `${h.kind}:${h.id}`);
    // Without texts: found by the index, but no snippet and no phrase can be checked.
    expect(ids(loaded, 'Wuhan ')).toEqual(ids(index, 'Wuhan '));
    expect(loaded.search('Wuhan kind:source')[0]!.snippet.text).toBe('');
    expect(loaded.missingTexts()).toContainEqual({ kind: 'source', id: articleSource.id });

    loaded.provideText('source', articleSource.id, articleSource.text);
    expect(loaded.search('Wuhan kind:source')[0]!.snippet).toEqual(index.search('Wuhan kind:source')[0]!.snippet);
    expect(ids(loaded, '"dual enforcement standard" kind:source')).toEqual(ids(index, '"dual enforcement standard" kind:source'));

    // It keeps updating after loading.
    loaded.add({ kind: 'note', note: note('n9', 'Loaded', 'Nitazenes are the next wave.') });
    expect(loaded.search('nitazenes').map((h) => h.id)).toEqual(['n9']);
    loaded.remove('source', articleSource.id);
    expect(loaded.search('yuancheng kind:source')).toEqual([]);
  });

  it('refuses a snapshot of another version or a broken one', () => {
    const snapshot = seededIndex().snapshot();
    expect(snapshot.version).toBe(SEARCH_INDEX_VERSION);
    expect(loadSearchIndex({ ...snapshot, version: SEARCH_INDEX_VERSION + 1 })).toBeUndefined();
    expect(loadSearchIndex(null)).toBeUndefined();
    expect(loadSearchIndex({ ...snapshot, docs: snapshot.docs.slice(1) })).toBeUndefined();
    expect(loadSearchIndex({ ...snapshot, terms: { ...snapshot.terms, data: snapshot.terms.data.slice(2) } })).toBeUndefined();
    expect(loadSearchIndex({ ...snapshot, terms: { ...snapshot.terms, terms: snapshot.terms.terms.split('\n').reverse().join('\n') } })).toBeUndefined();
  });
});
