import { describe, expect, it } from 'vitest';
import { article, seededIndex } from './fixture';

const index = seededIndex();
const top = (query: string, limit = 10) => index.search(query, { limit });

describe('ranking on the seed case', () => {
  it('finds the article passage and the entity named "Yuancheng Group" for "Wuhan"', () => {
    const hits = top('Wuhan ');
    const passage = hits.find((h) => h.kind === 'source');
    expect(passage?.id).toBe('src-article');
    expect(article.slice(passage!.range.start, passage!.range.end)).toBe('Wuhan');
    expect(hits.some((h) => h.kind === 'entity' && h.title === 'Yuancheng Group')).toBe(true);
    // The entity named exactly "Wuhan" comes first.
    expect(hits[0]).toMatchObject({ kind: 'entity', title: 'Wuhan', type: 'Place' });
  });

  it('ranks across kinds by relevance: a passage about the word beats an entity that only mentions it in passing', () => {
    for (const query of ['Mexico', 'sanctions']) {
      const hits = top(query, 30);
      const bestPassage = hits.findIndex((h) => h.kind === 'source');
      expect(bestPassage, query).toBeGreaterThanOrEqual(0);
      // Entities whose names hold the word may come first; one that merely mentions it in its description may not.
      const word = query.toLowerCase();
      const passing = hits.findIndex((h) => h.kind === 'entity' && !h.title.toLowerCase().includes(word.slice(0, 6)));
      expect(bestPassage, `${query}: ${hits.map((h) => `${h.kind}:${h.title}`).slice(0, 8).join(' | ')}`).toBeLessThan(passing === -1 ? Infinity : passing);
    }
  });

  it('ranks an entity named like the query first', () => {
    expect(top('Yuancheng Group')[0]).toMatchObject({ kind: 'entity', title: 'Yuancheng Group' });
    expect(top('anne milgram')[0]).toMatchObject({ kind: 'entity', title: 'Anne Milgram' });
  });

  it('tolerates typos', () => {
    expect(top('Wuhna ').some((h) => h.kind === 'source')).toBe(true);
    expect(top('Wuhna ').some((h) => h.title === 'Yuancheng Group')).toBe(true);
    expect(top('Yuanchen')[0]).toMatchObject({ title: 'Yuancheng Group' });
    expect(top('Yuanchemg Group ')[0]).toMatchObject({ title: 'Yuancheng Group' });
  });

  it('completes the word being typed', () => {
    const hits = top('Yuanch');
    expect(hits[0]).toMatchObject({ title: 'Yuancheng Group' });
    expect(top('milgr').some((h) => h.title === 'Anne Milgram')).toBe(true);
    expect(top('fentany').length).toBeGreaterThan(0);
  });

  it('boosts title matches', () => {
    const hits = top('laundering ', 20);
    expect(hits[0]).toMatchObject({ kind: 'note', id: 'note-cartels' });
  });

  it('finds exact phrases only where the words are in order', () => {
    const hits = top('"dual enforcement standard"');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      const marked = h.snippet.highlights.map(([s, e]) => h.snippet.text.slice(s, e).toLowerCase());
      expect(marked).toContain('dual enforcement standard');
    }
    expect(top('"standard enforcement dual"')).toEqual([]);
    // Stopwords inside a phrase are checked against the text.
    expect(top('"the ultimate source of the"').some((h) => h.id === 'src-article')).toBe(true);
    expect(top('"the ultimate source for the"').some((h) => h.id === 'src-article')).toBe(false);
  });

  it('applies exclusions of words and phrases', () => {
    expect(top('heroin ').some((h) => h.id === 'note-cartels')).toBe(true);
    expect(top('cartel -heroin').some((h) => h.id === 'note-cartels')).toBe(false);
    expect(top('cartel -"money laundering"').some((h) => h.id === 'note-cartels')).toBe(false);
    expect(top('cartel -"laundering money"').some((h) => h.id === 'note-cartels')).toBe(true);
  });

  it('filters by kind, entity type and date', () => {
    expect(top('wuhan kind:entity').every((h) => h.kind === 'entity')).toBe(true);
    expect(top('wuhan kind:note').map((h) => h.id)).toEqual(['note-wuhan']);
    expect(top('fentanyl type:Person').every((h) => h.type === 'Person')).toBe(true);
    expect(top('fentanyl type:Person').length).toBeGreaterThan(0);
    expect(top('wuhan kind:note before:2022-11').map((h) => h.id)).toEqual([]);
    expect(top('wuhan kind:note after:2022-11').map((h) => h.id)).toEqual(['note-wuhan']);
    expect(top('heroin kind:note after:2023-07').map((h) => h.id)).toEqual(['note-heroin']);
  });

  it('gives each hit its type, place and a highlighted snippet', () => {
    const hit = top('Wuhan kind:source')[0]!;
    expect(hit).toMatchObject({ kind: 'source', id: 'src-article', type: 'html' });
    expect(hit.passage.start).toBeLessThanOrEqual(hit.range.start);
    expect(hit.passage.end).toBeGreaterThanOrEqual(hit.range.end);
    const [s, e] = hit.snippet.highlights[0]!;
    expect(hit.snippet.text.slice(s, e)).toBe('Wuhan');
    expect(hit.snippet.text.length).toBeLessThan(300);
  });

  it('finds nothing for nothing', () => {
    expect(top('')).toEqual([]);
    expect(top('the of ')).toEqual([]); // only stopwords, finished
    expect(top('kind:entity')).toEqual([]);
    expect(top('zzzzqqqq')).toEqual([]);
  });
});
