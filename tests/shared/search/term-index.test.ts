import { describe, expect, it } from 'vitest';
import { BODY_FIELD, createTermIndex, loadTermIndex, TITLE_FIELD, type TermIndex } from '../../../shared/search/term-index';
import { indexTokens, tokenize } from '../../../shared/search/tokens';
import { seededRandom } from '../../fixtures/seeded-random';

/**
 * The compact term index against a plain model of what it must hold: after
 * random adds, replacements and discards, across compactions and a snapshot
 * round trip, every term's postings, prefix completions and near spellings
 * are exactly what a brute-force reading of the live passages gives.
 */

const SYLLABLES = 'ka lo mi ra ten vo sha dri pel gan tor bel nu qui zan fe ro'.split(' ');

function edit(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

interface Model {
  docs: Map<string, { title: string; body: string }>;
}

/** What the index must say about each term, from the live passages alone: term → key → [title tf, body tf]. */
function expectedAll(model: Model): Map<string, Map<string, [number, number]>> {
  const out = new Map<string, Map<string, [number, number]>>();
  for (const [key, { title, body }] of model.docs) {
    for (const [field, text] of [[0, title], [1, body]] as const) {
      for (const token of indexTokens(text)) {
        const byKey = out.get(token) ?? new Map<string, [number, number]>();
        const entry = byKey.get(key) ?? [0, 0];
        entry[field]++;
        byKey.set(key, entry);
        out.set(token, byKey);
      }
    }
  }
  return out;
}

function actual(index: TermIndex, term: string): Map<string, [number, number]> {
  const p = index.postings.get(term);
  const out = new Map<string, [number, number]>();
  if (!p) return out;
  for (const field of [TITLE_FIELD, BODY_FIELD]) {
    p.forEach(field, (id, tf) => {
      const key = index.postings.keyOf(id)!;
      const entry = out.get(key) ?? [0, 0];
      entry[field] = tf;
      out.set(key, entry);
      // Random access agrees with the walk.
      expect(p.tf(field, id)).toBe(tf);
    });
  }
  return out;
}

/** Each passage's positions of `term` in its body: word numbers, stopwords counted. */
function expectedPositions(model: Model, term: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [key, { body }] of model.docs) {
    const at = tokenize(body).flatMap((t, i) => (t === term ? [i] : []));
    if (at.length > 0) out.set(key, at);
  }
  return out;
}

function actualPositions(index: TermIndex, term: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  index.postings.get(term)?.forEachPositions((id, positions, count) => out.set(index.postings.keyOf(id)!, [...positions.subarray(0, count)]));
  return out;
}

const STOPS = ['of', 'the', 'a', 'in', 'to'];

function check(index: TermIndex, model: Model, vocabulary: string[]) {
  expect(index.documentCount).toBe(model.docs.size);
  for (const term of vocabulary.slice(0, 60)) expect(actualPositions(index, term), term).toEqual(expectedPositions(model, term));
  const live = [...model.docs.values()];
  const all = expectedAll(model);
  for (const term of vocabulary) expect(actual(index, term), term).toEqual(all.get(term) ?? new Map());
  for (const field of [TITLE_FIELD, BODY_FIELD]) {
    const lengths = live.map((d) => indexTokens(field === TITLE_FIELD ? d.title : d.body).length);
    const avg = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length) || 1;
    expect(index.postings.avgFieldLength(field)).toBeCloseTo(avg, 9);
  }
  const present = vocabulary.filter((t) => all.has(t));
  for (const prefix of ['ka', 'to', 'dri', 'z', 'q']) {
    const got = [...index.postings.withPrefix(prefix)].filter(([, p]) => p.df(TITLE_FIELD) + p.df(BODY_FIELD) > 0).map(([t]) => t);
    for (const t of present.filter((v) => v.startsWith(prefix))) expect(got, prefix).toContain(t);
  }
  for (const query of ['kalomi', 'tenvo', 'shadri', 'pelgantor']) {
    for (const max of [1, 2]) {
      const got = new Map([...index.postings.fuzzy(query, max)].map(([t, [, d]]) => [t, d]));
      const want = new Map(present.map((t) => [t, edit(t, query)] as const).filter(([, d]) => d <= max));
      for (const [t, d] of want) expect(got.get(t), `${query}~${max} ${t}`).toBe(d);
      for (const [t, d] of got) expect(edit(t, query), `${query}~${max} ${t}`).toBe(d);
    }
  }
}

describe('term index', () => {
  it('holds exactly the live passages’ postings through adds, replacements, discards, compactions and a snapshot', () => {
    const rand = seededRandom(7).next;
    const vocabulary = Array.from({ length: 300 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''));
    const words = (n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(rand() * rand() * vocabulary.length)]).join(' ');
    // Bodies hold stopwords too: not indexed, but counted in positions.
    const body = (n: number) => Array.from({ length: n }, () => (rand() < 0.3 ? STOPS[Math.floor(rand() * STOPS.length)] : vocabulary[Math.floor(rand() * rand() * vocabulary.length)])).join(' ');
    const model: Model = { docs: new Map() };
    let index = createTermIndex();
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 400; i++) {
        const key = `doc-${Math.floor(rand() * 600)}`;
        if (rand() < 0.25) {
          index.discard(key);
          model.docs.delete(key);
        } else {
          const doc = { title: words(1 + Math.floor(rand() * 4)), body: body(Math.floor(rand() * 60)) };
          index.add({ key, ...doc });
          model.docs.set(key, doc);
        }
      }
      check(index, model, vocabulary);
      if (round % 2 === 1) {
        const before = index.generation;
        index = loadTermIndex(structuredClone(index.snapshot()));
        expect(before).toBeGreaterThan(0); // discards have compacted it along the way
        check(index, model, vocabulary);
      }
    }
  });

  it('keeps the stopwords’ positions alone in a stopwords index, through discards, compactions and a snapshot', () => {
    const rand = seededRandom(11).next;
    const model: Model = { docs: new Map() };
    let index = createTermIndex({ stopwords: true });
    const vocabulary = ['kalo', 'mira', 'tenvo'];
    const body = (n: number) => Array.from({ length: n }, () => (rand() < 0.5 ? STOPS[Math.floor(rand() * STOPS.length)] : vocabulary[Math.floor(rand() * 3)])).join(' ');
    for (let round = 0; round < 4; round++) {
      const generation = index.generation;
      for (let i = 0; i < 300; i++) {
        const key = `doc-${Math.floor(rand() * 200)}`;
        if (rand() < 0.3) {
          index.discard(key);
          model.docs.delete(key);
        } else {
          const doc = { title: '', body: body(Math.floor(rand() * 40)) };
          index.add({ key, ...doc });
          model.docs.set(key, doc);
        }
      }
      // It never compacts by itself (its owner does, with the main index).
      expect(index.generation).toBe(generation);
      for (const stop of STOPS) expect(actualPositions(index, stop), stop).toEqual(expectedPositions(model, stop));
      for (const word of vocabulary) expect(index.postings.get(word)).toBeUndefined();
      index.compact();
      if (round % 2 === 1) index = loadTermIndex(structuredClone(index.snapshot()), { stopwords: true });
      for (const stop of STOPS) expect(actualPositions(index, stop), stop).toEqual(expectedPositions(model, stop));
    }
  });

  it('refuses a snapshot that does not hold together', () => {
    const index = createTermIndex();
    index.add({ key: 'a', title: 'alpha beta', body: 'gamma delta' });
    const snapshot = index.snapshot();
    expect(() => loadTermIndex({ ...snapshot, start: snapshot.start.slice(1) })).toThrow();
    expect(() => loadTermIndex({ ...snapshot, keys: [] })).toThrow();
    expect(() => loadTermIndex({ ...snapshot, terms: 'zeta\nalpha\nbeta\ngamma' })).toThrow();
    // Positions that do not add up to the postings' body frequencies.
    expect(() => loadTermIndex({ ...snapshot, positions: snapshot.positions.slice(1), positionStart: snapshot.positionStart.map((v) => Math.max(0, v - 1)) })).toThrow();
    expect(() => loadTermIndex({ ...snapshot, exactPositions: new Uint8Array(0) })).toThrow();
    expect(loadTermIndex(structuredClone(snapshot)).postings.get('gamma')?.df(BODY_FIELD)).toBe(1);
  });
});
