import type { QueryTerm } from './query';
import { BODY_FIELD, TITLE_FIELD, type Postings, type TermPostings } from './term-index';

/** Passages holding the term, summed over fields (as MiniSearch counted): how common it is, and what walking it costs. */
export const documentFrequency = (p: TermPostings): number => p.df(TITLE_FIELD) + p.df(BODY_FIELD);

/**
 * Ranking over MiniSearch's postings: each query word becomes a group of
 * index terms (itself, its completions when it is a prefix, near spellings
 * when it is rare or unknown), every group must match (AND), and documents
 * score by BM25+ with MiniSearch's own parameters, a title boost, and lower
 * weights for completions and near spellings. Groups are intersected from
 * the smallest, so a rare word makes a common one cheap.
 */

export interface Expansion {
  term: string;
  weight: number;
  postings: TermPostings;
}

export interface TermGroup {
  query: QueryTerm;
  expansions: Expansion[];
  /** Postings across expansions: the cost of walking the group. */
  size: number;
}

export interface Candidate {
  shortId: number;
  key: string;
  score: number;
}

/** Every match of a query as parallel arrays: tens of thousands of objects would cost more than the scoring. */
export interface Matches {
  ids: Uint32Array;
  scores: Float64Array;
}

/**
 * A prefix keeps its most frequent completions, like an autocomplete: "con"
 * alone would be thousands of words. At most this many...
 */
export const PREFIX_MAX = 50;
/** ...and no more once they reach this many postings (the most frequent completion is always kept). */
export const PREFIX_POSTINGS = 40_000;
/** Near spellings are tried for words found in fewer documents than this... */
export const FUZZY_BELOW = 5;
/** ...and at most this many of them, closest first. */
export const FUZZY_MAX = 10;

const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.45;
const FIELD_BOOST = [3, 1] as const; // title, body
const BM25 = { k: 1.2, b: 0.7, d: 0.5 }; // MiniSearch's defaults

const maxDistance = (term: string): number => (term.length >= 5 ? 2 : term.length === 4 ? 1 : 0);

/** The index terms a query word stands for. */
export function expand(postings: Postings, query: QueryTerm): TermGroup {
  const expansions: Expansion[] = [];
  const exact = postings.get(query.text);
  if (exact) expansions.push({ term: query.text, weight: 1, postings: exact });

  if (query.prefix) {
    const completions: [string, TermPostings, number][] = [];
    for (const [term, p] of postings.withPrefix(query.text)) {
      if (term !== query.text) completions.push([term, p, documentFrequency(p)]);
    }
    completions.sort((a, b) => b[2] - a[2]);
    let budget = PREFIX_POSTINGS - (exact ? documentFrequency(exact) : 0);
    for (const [term, p, df] of completions.slice(0, PREFIX_MAX)) {
      if (df > budget && expansions.length > 0) continue;
      budget -= df;
      const distance = term.length - query.text.length;
      expansions.push({ term, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), postings: p });
    }
  }

  let size = expansions.reduce((n, e) => n + documentFrequency(e.postings), 0);
  const distance = maxDistance(query.text);
  if (!query.exact && distance > 0 && size < FUZZY_BELOW) {
    const known = new Set(expansions.map((e) => e.term));
    const near = [...postings.fuzzy(query.text, distance)]
      .filter(([term]) => !known.has(term))
      .map(([term, [p, d]]) => ({ term, p, d, df: documentFrequency(p) }))
      .sort((a, b) => a.d - b.d || b.df - a.df)
      .slice(0, FUZZY_MAX);
    for (const { term, p, d, df } of near) {
      expansions.push({ term, weight: (FUZZY_WEIGHT * term.length) / (term.length + d), postings: p });
      size += df;
    }
  }
  return { query, expansions, size };
}

/**
 * Field lengths are judged against documents of the same kind: an entity
 * (a name and a line of description) against other entities, a source
 * passage (paragraphs) against other passages. Against one average for
 * all, every entity looked short, so it outranked the passages that
 * discuss the word at length: a search listed entities first whatever was
 * asked. `kindOf` gives each document's kind (by internal id), `average`
 * the kind's mean length per field.
 */
export interface LengthNorms {
  kindOf: Uint8Array;
  /** Index `kind * FIELD_COUNT + field`. */
  average: Float64Array;
}
const FIELD_COUNT = 2;

function bm25(tf: number, matching: number, total: number, length: number, avgLength: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
}

/**
 * Per-document scratch arrays indexed by MiniSearch's internal ids, reused
 * from query to query: a common word touches tens of thousands of passages,
 * and typed arrays score them several times faster than Maps (and make no
 * garbage). Searches are synchronous, so one set serves every index.
 */
const scratch = { total: new Float64Array(0), best: new Float64Array(0), field: new Float64Array(0), member: new Uint32Array(0), stamp: 0 };

function ensureScratch(size: number): void {
  if (scratch.total.length >= size) return;
  const n = Math.max(size, Math.ceil(scratch.total.length * 1.5), 1024);
  scratch.total = new Float64Array(n);
  scratch.best = new Float64Array(n);
  scratch.field = new Float64Array(n);
  scratch.member = new Uint32Array(n);
  scratch.stamp = 0;
}

/**
 * Scores the group into `scratch.best`: summed over fields, the best
 * expansion taken. "fentanyl" in title and body beats it in one, but a
 * passage holding five completions of "fen" is no better than one holding
 * one. With `among`, only those documents (marked in `scratch.member` with
 * the current stamp) are scored. Returns the documents it scored.
 */
function scoreGroup(postings: Postings, group: TermGroup, among?: number[], norms?: LengthNorms): number[] {
  const { best, field: sum, member } = scratch;
  const stamp = scratch.stamp;
  const total = postings.documentCount;
  const touched: number[] = [];
  const single = group.expansions.length === 1;
  for (const e of group.expansions) {
    const expansionTouched: number[] = [];
    for (const f of [TITLE_FIELD, BODY_FIELD]) {
      const df = e.postings.df(f);
      if (df === 0) continue;
      const avg = postings.avgFieldLength(f);
      const factor = e.weight * FIELD_BOOST[f]!;
      const averageOf = norms ? (id: number) => norms.average[(norms.kindOf[id] ?? 0) * FIELD_COUNT + f] || avg : () => avg;
      const add = (id: number, tf: number) => {
        const s = factor * bm25(tf, df, total, postings.fieldLength(id, f), averageOf(id));
        if (sum[id] === 0) expansionTouched.push(id);
        sum[id] = sum[id]! + s;
      };
      if (among && among.length < df) {
        for (const id of among) {
          const tf = e.postings.tf(f, id);
          if (tf > 0) add(id, tf);
        }
      } else {
        e.postings.forEach(f, (id, tf) => {
          if (!among || member[id] === stamp) add(id, tf);
        });
      }
    }
    for (const id of expansionTouched) {
      if (best[id] === 0) touched.push(id);
      if (single || sum[id]! > best[id]!) best[id] = sum[id]!;
      sum[id] = 0;
    }
  }
  return touched;
}

/**
 * Documents matching every group, not discarded, accepted by `keep`, and
 * holding none of `excluded`, with their summed scores. With `among`, only
 * those documents are considered (a phrase's, found by positions): a phrase
 * of common words then scores its few passages, not all that hold its words.
 */
export function matchAll(
  postings: Postings,
  groups: TermGroup[],
  excluded: TermPostings[],
  keep: ((key: string) => boolean) | undefined,
  boosts: ReadonlyMap<number, number> = new Map(),
  norms?: LengthNorms,
  among?: number[],
): Matches {
  if (groups.length === 0 || groups.some((g) => g.expansions.length === 0)) return { ids: new Uint32Array(0), scores: new Float64Array(0) };
  ensureScratch(postings.idLimit + 1);
  const { total, best, member } = scratch;
  const ordered = [...groups].sort((a, b) => a.size - b.size);
  if (among) {
    scratch.stamp = (scratch.stamp + 1) >>> 0 || 1;
    for (const id of among) member[id] = scratch.stamp;
  }
  let candidates: number[] = [];
  for (const id of scoreGroup(postings, ordered[0]!, among, norms)) {
    const key = postings.keyOf(id);
    if (key !== undefined && (!keep || keep(key))) {
      candidates.push(id);
      total[id] = best[id]!;
    }
    best[id] = 0;
  }
  for (const group of ordered.slice(1)) {
    if (candidates.length === 0) break;
    scratch.stamp = (scratch.stamp + 1) >>> 0 || 1;
    for (const id of candidates) member[id] = scratch.stamp;
    const scored = scoreGroup(postings, group, candidates, norms);
    for (const id of scored) {
      total[id] = total[id]! + best[id]!;
      best[id] = 0;
    }
    // Documents that missed this group drop out: their totals go back to zero.
    scratch.stamp = (scratch.stamp + 1) >>> 0 || 1;
    for (const id of scored) member[id] = scratch.stamp;
    for (const id of candidates) if (member[id] !== scratch.stamp) total[id] = 0;
    const next = scored;
    candidates = next;
  }
  if (excluded.length > 0) {
    scratch.stamp = (scratch.stamp + 1) >>> 0 || 1;
    const stamp = scratch.stamp;
    for (const id of candidates) member[id] = stamp;
    for (const p of excluded) {
      if (p.size < candidates.length) {
        for (const f of [TITLE_FIELD, BODY_FIELD]) p.forEach(f, (id) => void (member[id] === stamp && (member[id] = 0)));
      } else {
        for (const id of candidates) if (p.tf(TITLE_FIELD, id) > 0 || p.tf(BODY_FIELD, id) > 0) member[id] = 0;
      }
    }
    candidates = candidates.filter((id) => {
      if (member[id] === stamp) return true;
      total[id] = 0;
      return false;
    });
  }
  const ids = Uint32Array.from(candidates);
  const scores = new Float64Array(ids.length);
  ids.forEach((id, i) => {
    scores[i] = total[id]! * (boosts.get(id) ?? 1);
    total[id] = 0;
  });
  return { ids, scores };
}

/**
 * The `n` best matches, best first, without sorting the rest: a bounded
 * min-heap of positions into `matches`.
 */
export function topCandidates(postings: Postings, matches: Matches, n: number): Candidate[] {
  const { ids, scores } = matches;
  const heap: number[] = [];
  // Ties go by key, so an index loaded from a snapshot (passages renumbered) lists them as a fresh build does.
  const keyAt = (p: number) => postings.keyOf(ids[p]!) ?? '';
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && keyAt(a) > keyAt(b));
  const sink = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let p = 0; p < ids.length; p++) {
    if (heap.length < n) {
      heap.push(p);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (less(heap[0]!, p)) {
      heap[0] = p;
      sink(0);
    }
  }
  return heap
    .sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0))
    .map((p) => ({ shortId: ids[p]!, key: postings.keyOf(ids[p]!) ?? '', score: scores[p]! }));
}

/**
 * Each document's kind and each kind's average field lengths, in one pass
 * over the index (a few milliseconds for a large case; the index caches it
 * until a document is added or removed). `kindIndex` maps a document key to
 * its kind's number, or -1 for none.
 */
export function lengthNorms(postings: Postings, kindIndex: (key: string) => number, kinds: number): LengthNorms {
  const kindOf = new Uint8Array(postings.idLimit + 1);
  const sums = new Float64Array(kinds * FIELD_COUNT);
  const counts = new Float64Array(kinds);
  for (let id = 0; id <= postings.idLimit; id++) {
    const key = postings.keyOf(id);
    if (key === undefined) continue;
    const kind = kindIndex(key);
    if (kind < 0) continue;
    kindOf[id] = kind;
    counts[kind]! += 1;
    for (let f = 0; f < FIELD_COUNT; f++) sums[kind * FIELD_COUNT + f]! += postings.fieldLength(id, f);
  }
  const average = new Float64Array(kinds * FIELD_COUNT);
  for (let k = 0; k < kinds; k++) for (let f = 0; f < FIELD_COUNT; f++) average[k * FIELD_COUNT + f] = counts[k]! > 0 ? Math.max(sums[k * FIELD_COUNT + f]! / counts[k]!, 1) : 0;
  return { kindOf, average };
}
