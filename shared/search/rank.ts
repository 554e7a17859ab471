import type { QueryTerm } from './query';
import { BODY_FIELD, documentFrequency, TITLE_FIELD, type FieldPostings, type Postings } from './term-index';

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
  postings: FieldPostings;
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

/** A prefix keeps its most frequent completions, like an autocomplete: "con" alone would be thousands of words. */
export const PREFIX_MAX = 50;
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
    const completions: [string, FieldPostings, number][] = [];
    for (const [term, p] of postings.withPrefix(query.text)) {
      if (term !== query.text) completions.push([term, p, documentFrequency(p)]);
    }
    completions.sort((a, b) => b[2] - a[2]);
    for (const [term, p] of completions.slice(0, PREFIX_MAX)) {
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

function bm25(tf: number, matching: number, total: number, length: number, avgLength: number): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / avgLength)));
}

/**
 * Per document of the group (or only of the documents in `only`): scores
 * summed over fields, and the best expansion's taken. "fentanyl" in title and
 * body beats it in one, but a passage holding five completions of "fen" is no
 * better than one holding one.
 */
function groupScores(postings: Postings, group: TermGroup, only?: Map<number, number>): Map<number, number> {
  const best = new Map<number, number>();
  const total = postings.documentCount;
  for (const e of group.expansions) {
    const scores = group.expansions.length === 1 ? best : new Map<number, number>();
    for (const field of [TITLE_FIELD, BODY_FIELD]) {
      const docs = e.postings.get(field);
      if (!docs || docs.size === 0) continue;
      const avg = postings.avgFieldLength(field);
      const factor = e.weight * FIELD_BOOST[field]!;
      const add = (id: number, tf: number) => {
        const s = factor * bm25(tf, docs.size, total, postings.fieldLength(id, field), avg);
        scores.set(id, (scores.get(id) ?? 0) + s);
      };
      if (only && only.size < docs.size) {
        for (const id of only.keys()) {
          const tf = docs.get(id);
          if (tf !== undefined) add(id, tf);
        }
      } else {
        for (const [id, tf] of docs) if (!only || only.has(id)) add(id, tf);
      }
    }
    if (scores !== best) for (const [id, s] of scores) if (s > (best.get(id) ?? 0)) best.set(id, s);
  }
  return best;
}

/**
 * Documents matching every group, not discarded, accepted by `keep`, and
 * holding none of `excluded`, with their summed scores.
 */
export function matchAll(
  postings: Postings,
  groups: TermGroup[],
  excluded: FieldPostings[],
  keep: (key: string) => boolean,
): Candidate[] {
  if (groups.length === 0 || groups.some((g) => g.expansions.length === 0)) return [];
  const ordered = [...groups].sort((a, b) => a.size - b.size);
  let scores = groupScores(postings, ordered[0]!);
  const keys = new Map<number, string>();
  for (const id of scores.keys()) {
    const key = postings.keyOf(id);
    if (key === undefined || !keep(key)) scores.delete(id);
    else keys.set(id, key);
  }
  for (const group of ordered.slice(1)) {
    if (scores.size === 0) break;
    const next = groupScores(postings, group, scores);
    for (const [id, s] of next) next.set(id, s + scores.get(id)!);
    scores = next;
  }
  for (const p of excluded) {
    for (const docs of p.values()) {
      if (docs.size < scores.size) for (const id of docs.keys()) scores.delete(id);
      else for (const id of scores.keys()) if (docs.has(id)) scores.delete(id);
    }
  }
  const out: Candidate[] = [];
  for (const [shortId, score] of scores) out.push({ shortId, key: keys.get(shortId)!, score });
  return out;
}

/** The `n` best candidates, best first, without sorting the rest (a bounded min-heap). */
export function topCandidates(candidates: Candidate[], n: number): Candidate[] {
  if (candidates.length <= n) return [...candidates].sort((a, b) => b.score - a.score);
  const heap: Candidate[] = [];
  const sink = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && heap[l]!.score < heap[m]!.score) m = l;
      if (r < heap.length && heap[r]!.score < heap[m]!.score) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (const c of candidates) {
    if (heap.length < n) {
      heap.push(c);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (heap[parent]!.score <= heap[i]!.score) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (c.score > heap[0]!.score) {
      heap[0] = c;
      sink(0);
    }
  }
  return heap.sort((a, b) => b.score - a.score);
}
