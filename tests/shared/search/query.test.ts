import { describe, expect, it } from 'vitest';
import { dateBound, indexTerms, isEmptyQuery, parseQuery } from '../../../shared/search/query';

describe('parseQuery', () => {
  it('folds words and makes the word being typed a prefix', () => {
    const q = parseQuery('Wuhan Fent');
    expect(q.terms).toEqual([
      { text: 'wuhan', prefix: false },
      { text: 'fent', prefix: true },
    ]);
    expect(parseQuery('wuhan fent ').terms.at(-1)).toEqual({ text: 'fent', prefix: false });
  });

  it('reads an explicit prefix anywhere', () => {
    expect(parseQuery('fent* cartel ').terms).toEqual([
      { text: 'fent', prefix: true },
      { text: 'cartel', prefix: false },
    ]);
  });

  it('reads exact phrases, curly quotes too', () => {
    const q = parseQuery('"dual enforcement standard" “CCP Inc”');
    expect(q.phrases).toEqual([['dual', 'enforcement', 'standard'], ['ccp', 'inc']]);
    expect(q.terms).toEqual([]);
  });

  it('closes an unbalanced quote at the end of the input', () => {
    expect(parseQuery('"dark web').phrases).toEqual([['dark', 'web']]);
    expect(parseQuery('"').phrases).toEqual([]);
  });

  it('reads exclusions of words and phrases', () => {
    const q = parseQuery('fentanyl -heroin -"dark web" -felbab-brown');
    expect(q.terms.map((t) => t.text)).toEqual(['fentanyl']);
    expect(q.excludedTerms).toEqual(['heroin']);
    expect(q.excludedPhrases).toEqual([['dark', 'web'], ['felbab', 'brown']]);
  });

  it('reads kind, type and date filters', () => {
    const q = parseQuery('kind:entities type:person after:2022-08 before:2023-04 wuhan');
    expect(q.kinds).toEqual(['entity']);
    expect(q.types).toEqual(['Person']);
    expect(q.after).toEqual({ from: '2022-08-01', to: '2022-08-31' });
    expect(q.before).toEqual({ from: '2023-04-01', to: '2023-04-31' });
    expect(q.terms.map((t) => t.text)).toEqual(['wuhan']);
    expect(parseQuery('kind:note|source type:pdf x').kinds).toEqual(['note', 'source']);
    expect(parseQuery('type:pdf x').types).toEqual(['pdf']);
  });

  it('reads an unknown or malformed filter as words', () => {
    expect(parseQuery('kind:thing').terms.map((t) => t.text)).toEqual(['kind', 'thing']);
    expect(parseQuery('after:yesterday').terms.map((t) => t.text)).toEqual(['after', 'yesterday']);
    expect(parseQuery('before:2023-13').before).toBeUndefined();
  });

  it('never throws, whatever the input', () => {
    const inputs = ['', ' ', '-', '--', '"', '""', '-"', 'kind:', ':', '***', '-"a', 'type:|', 'a"b"c', '\u0000', '"'.repeat(101), 'x'.repeat(10_000)];
    for (const input of inputs) expect(() => parseQuery(input)).not.toThrow();
    expect(isEmptyQuery(parseQuery('kind:note'))).toBe(true);
    expect(() => parseQuery(undefined as unknown as string)).not.toThrow();
  });

  it('keeps stopwords out of the index terms, but in phrases', () => {
    const q = parseQuery('"the source of the drug" the');
    expect(q.phrases).toEqual([['the', 'source', 'of', 'the', 'drug']]);
    expect(indexTerms(q).map((t) => t.text)).toEqual(['the', 'source', 'drug']);
    expect(indexTerms(q)[0]).toEqual({ text: 'the', prefix: true }); // still being typed: "the" → "theory"
  });
});

describe('dateBound', () => {
  it('spans a partial ISO date', () => {
    expect(dateBound('2023')).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(dateBound('2023-04-17')).toEqual({ from: '2023-04-17', to: '2023-04-17' });
    expect(dateBound('April')).toBeUndefined();
  });
});
