import MiniSearch, { type AsPlainObject } from 'minisearch';
import { indexTokens } from './tokens';

/**
 * The library index: MiniSearch holds the term dictionary (a radix tree),
 * postings with term frequencies, field lengths, incremental add/discard with
 * vacuuming, and JSON serialization. Documents go in as {key, title, body};
 * nothing is stored back (`storeFields: []`): titles and ranges live in our
 * own document table, text in the text store.
 *
 * MiniSearch's own `search()` scores every matching document and has no
 * limit, which costs hundreds of milliseconds on a common prefix in a
 * 100 MB case. So `rank.ts` reads the postings directly through the few
 * protected members below (stable across MiniSearch 6–7; pinned by the
 * tests) to intersect the rarest term first and keep only the top results.
 */

export interface IndexedDoc {
  key: string;
  title: string;
  body: string;
}

/** Per field id, per internal document id: the term's frequency. */
export type FieldPostings = Map<number, Map<number, number>>;

export const FIELDS = ['title', 'body'] as const;
export const TITLE_FIELD = 0;
export const BODY_FIELD = 1;

const OPTIONS = {
  idField: 'key',
  fields: [...FIELDS],
  storeFields: [] as string[],
  tokenize: indexTokens,
  processTerm: (term: string) => term,
  autoVacuum: { batchSize: 2_000, batchWait: 5, minDirtCount: 200, minDirtFactor: 0.05 },
};

export type TermIndex = MiniSearch<IndexedDoc>;

export function createTermIndex(): TermIndex {
  return new MiniSearch<IndexedDoc>(OPTIONS);
}

export function loadTermIndex(plain: AsPlainObject): TermIndex {
  return MiniSearch.loadJS<IndexedDoc>(plain, OPTIONS);
}

/** The protected state of a MiniSearch instance that ranking reads (never writes). */
interface Internals {
  _index: {
    get(term: string): FieldPostings | undefined;
    atPrefix(prefix: string): { entries(): Iterable<[string, FieldPostings]> };
    fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
}

/** Read access to the postings, in the vocabulary `rank.ts` speaks. */
export interface Postings {
  get(term: string): FieldPostings | undefined;
  withPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzy(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
  /** The document's key, or undefined once discarded (its postings linger until vacuuming). */
  keyOf(shortId: number): string | undefined;
  shortIdOf(key: string): number | undefined;
  fieldLength(shortId: number, field: number): number;
  avgFieldLength(field: number): number;
  documentCount: number;
  /** Internal ids are below this: the size of per-document scratch arrays. */
  idLimit: number;
}

export function postingsOf(index: TermIndex): Postings {
  const internals = index as unknown as Internals;
  return {
    get: (term) => internals._index.get(term),
    withPrefix: (prefix) => internals._index.atPrefix(prefix).entries(),
    fuzzy: (term, maxDistance) => internals._index.fuzzyGet(term, maxDistance),
    keyOf: (shortId) => internals._documentIds.get(shortId),
    shortIdOf: (key) => internals._idToShortId.get(key),
    fieldLength: (shortId, field) => internals._fieldLength.get(shortId)?.[field] ?? 0,
    avgFieldLength: (field) => internals._avgFieldLength[field] ?? 1,
    get documentCount() {
      return internals._documentCount;
    },
    get idLimit() {
      return internals._nextId;
    },
  };
}

/** Documents holding the term in any field (discarded ones included until vacuuming). */
export function documentFrequency(postings: FieldPostings): number {
  let n = 0;
  for (const docs of postings.values()) n += docs.size;
  return n;
}
