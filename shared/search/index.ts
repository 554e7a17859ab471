import type { Entity } from '../model/entity';
import type { Note } from '../model/note';
import type { SourceWithBody } from '../model/source';
import { entityPassages, notePassages, sourcePassages, type Passages, type SearchDoc, type SearchKind } from './passages';
import { findPhrase, phrasePattern, positionsAgree } from './phrase';
import { phraseInBody } from './phrase-positions';
import { dateBound, indexTerms, parseQuery, type ParsedQuery } from './query';
import { expand, lengthNorms, matchAll, topCandidates, type Candidate, type LengthNorms, type Matches, type TermGroup } from './rank';
import { buildSnippet, termPattern, type Snippet } from './snippet';
import { createTermIndex, loadTermIndex, TITLE_FIELD, type TermIndex, type TermIndexSnapshot, type TermPostings } from './term-index';
import { isStopword, tokenize } from './tokens';

/**
 * The case's full-text index: notes, source passages and entities, kept up
 * to date one target at a time, searched with the query language of
 * `query.ts`, saved and loaded as a snapshot of typed arrays (the worker
 * keeps it in IndexedDB, so a reopened case is searchable at once).
 *
 * Three stores, each holding one thing once:
 * - the term index (term-index.ts): words → passages, no text;
 * - the document table: per passage its target, title, type, page, range, date;
 * - the text store: targets' texts, by reference (the same string the caller
 *   passed, not a copy), the least recently used dropped beyond a budget. It
 *   is not saved: the text lives in the database, and the worker fetches
 *   what a query's hits need (`textsNeeded`, `provideText`).
 */

/**
 * What the index reads of a note: its title, text and dates, never its
 * document. The document is most of a note (a 50,000-word note's is a tree of
 * tens of thousands of objects) and posting it to the worker on every save
 * cloned it on the main thread for nothing.
 */
export type SearchableNote = Omit<Note, 'content'>;

/** A note as the index takes it: the row without its document. */
export function noteSearchTarget(note: Note | SearchableNote): SearchTarget {
  const { content: _content, ...rest } = note as Note;
  return { kind: 'note', note: rest };
}

export type SearchTarget = { kind: 'note'; note: SearchableNote } | { kind: 'source'; source: SourceWithBody } | { kind: 'entity'; entity: Entity };

export interface SearchHit {
  kind: SearchKind;
  /** The note's, source's or entity's id. */
  id: string;
  title: string;
  /** Entity type, source format, or "note". */
  type: string;
  /** 1-based page of a paged source. */
  page?: number;
  /** The best match in the target's text (for entities, `entityText`); the passage when only the title matched. */
  range: { start: number; end: number };
  /** The passage the hit was found in. */
  passage: { start: number; end: number };
  snippet: Snippet;
  score: number;
}

export interface SearchOptions {
  /** Hits to return; 20 by default. */
  limit?: number;
}

/** Bumped whenever tokenizing, passages or the stored shapes change: an older snapshot is rebuilt, not loaded. */
export const SEARCH_INDEX_VERSION = 3;

/** A saved index: plain data and typed arrays, for structured clone (IndexedDB, postMessage); no texts. */
export interface SearchIndexSnapshot {
  version: number;
  terms: TermIndexSnapshot;
  /** Stopwords' positions, for phrases (term-index.ts, `stopwords`). */
  stopwords: TermIndexSnapshot;
  docs: SearchDoc[];
}

export interface SearchIndexOptions {
  /** Characters of text kept for snippets and phrase checks; the least recently used go beyond it. Unbounded by default. */
  textBudget?: number;
}

/** The first phase of a search: candidates ranked from the index alone, before any text is read. */
export interface Ranking {
  parsed: ParsedQuery;
  /** Documents that matched every word and, by their word positions, every phrase; before the phrase check against their text. */
  total: number;
  /** The same, by kind (a source counts its passages): what the palette's groups say they hold. */
  totals: Record<SearchKind, number>;
  /** The next `n` candidates in rank order (continuing where the last call stopped). */
  next(n: number): Candidate[];
}

export interface SearchIndex {
  /** Adds the target or replaces its previous version. */
  add(target: SearchTarget): void;
  update(target: SearchTarget): void;
  remove(kind: SearchKind, id: string): void;
  has(kind: SearchKind, id: string): boolean;
  /** Gives a target's text back after `loadSearchIndex` (texts are not saved) or once the budget dropped it. */
  provideText(kind: SearchKind, id: string, text: string): void;
  /** Targets whose text is missing: what the worker must still fetch. */
  missingTexts(): { kind: SearchKind; id: string }[];
  /** Of these candidates, the targets whose text `hit` needs and the store lacks. */
  textsNeeded(candidates: readonly Candidate[]): { kind: SearchKind; id: string }[];
  /** Every target in the index. */
  targets(): { kind: SearchKind; id: string }[];
  search(query: string | ParsedQuery, options?: SearchOptions): SearchHit[];
  /** Phase one of `search`, for callers that fetch texts lazily or yield between batches. */
  rank(query: string | ParsedQuery): Ranking;
  /** Phase two: the hit for a candidate, or null when its text refuses a phrase or holds an excluded one. */
  hit(ranking: Ranking, candidate: Candidate): SearchHit | null;
  /**
   * Drops replaced and removed passages for good, so document frequencies
   * count live passages only, as in an index built afresh (until then they
   * count the dead too, as MiniSearch did): after applying a batch of
   * changes to a loaded index.
   */
  compact(): void;
  /** The index as a snapshot (compacting it first). */
  snapshot(): SearchIndexSnapshot;
  readonly documentCount: number;
}

const targetKey = (kind: SearchKind, id: string) => `${kind}:${id}`;

/** Hits with the same key are one result: one per note or entity (a huge note's parts fold into one); a source gives one per passage. */
export const hitKey = (hit: SearchHit): string => (hit.kind === 'source' ? `source:${hit.id}:${hit.passage.start}` : targetKey(hit.kind, hit.id));

/** Document keys start with their kind: its number for the ranking's per-kind length norms. */
const KIND_NUMBERS: Record<string, number> = { note: 0, source: 1, entity: 2 };

/** Exact name of an entity: ranks it above passages that merely mention it. */
const EXACT_NAME_BOOST = 4;

function passagesOf(target: SearchTarget): Passages {
  switch (target.kind) {
    case 'note':
      return notePassages(target.note);
    case 'source':
      return sourcePassages(target.source);
    case 'entity':
      return entityPassages(target.entity);
  }
}

/** The text a target is searched in: what `provideText` wants back for it. */
export const searchText = (target: SearchTarget): string => passagesOf(target).text;

function createIndex(terms: TermIndex, stops: TermIndex, docList: SearchDoc[], options: SearchIndexOptions): SearchIndex {
  const postings = terms.postings;
  const docs = new Map<string, SearchDoc>();
  const docsByTarget = new Map<string, string[]>();
  const texts = createTextStore(options.textBudget ?? Infinity);
  /** Entity names and aliases (as tokens joined by spaces) → their documents' keys. */
  const byName = new Map<string, Set<string>>();
  const indexNames = (doc: SearchDoc, on: boolean) => {
    for (const name of doc.names ?? []) {
      const keys = byName.get(name) ?? new Set<string>();
      if (on) keys.add(doc.key);
      else keys.delete(doc.key);
      if (keys.size > 0) byName.set(name, keys);
      else byName.delete(name);
    }
  };
  for (const doc of docList) {
    indexNames(doc, true);
    docs.set(doc.key, doc);
    const t = targetKey(doc.kind, doc.id);
    const list = docsByTarget.get(t);
    if (list) list.push(doc.key);
    else docsByTarget.set(t, [doc.key]);
  }

  // Per-kind length averages for ranking (rank.ts, LengthNorms), worked out again after any change.
  // They are by passage number, so a compaction (which renumbers) drops them too.
  let cachedNorms: LengthNorms | null = null;
  let normsGeneration = -1;
  const norms = () => {
    if (normsGeneration !== terms.generation) cachedNorms = null;
    normsGeneration = terms.generation;
    return (cachedNorms ??= lengthNorms(postings, (key) => KIND_NUMBERS[key.slice(0, key.indexOf(':'))] ?? -1, 3));
  };

  /** The main index's generation the stopwords' index last compacted with. */
  let stopsFollow = terms.generation;
  /** The main index compacted (renumbering its passages): the stopwords' follows, so both keep one numbering. */
  const followCompaction = () => {
    if (terms.generation === stopsFollow) return;
    stops.compact();
    stopsFollow = terms.generation;
  };

  const remove = (kind: SearchKind, id: string) => {
    cachedNorms = null;
    const t = targetKey(kind, id);
    for (const key of docsByTarget.get(t) ?? []) {
      const doc = docs.get(key);
      if (doc) indexNames(doc, false);
      docs.delete(key);
      if (terms.has(key)) terms.discard(key);
      if (stops.has(key)) stops.discard(key);
      followCompaction();
    }
    docsByTarget.delete(t);
    texts.delete(t);
  };

  const add = (target: SearchTarget) => {
    cachedNorms = null;
    const p = passagesOf(target);
    remove(p.kind, p.id);
    const t = targetKey(p.kind, p.id);
    texts.set(t, p.text);
    docsByTarget.set(t, p.docs.map((d) => d.key));
    for (const doc of p.docs) {
      docs.set(doc.key, doc);
      indexNames(doc, true);
      const title = doc.kind === 'entity' ? [doc.title, ...(doc.names ?? [])].join(' ') : doc.title;
      const body = p.text.slice(doc.start, doc.end);
      const exactPositions = positionsAgree(body);
      const bodyWords = tokenize(body);
      terms.add({ key: doc.key, title, body, exactPositions, bodyWords });
      stops.add({ key: doc.key, title: '', body, exactPositions, bodyWords });
      followCompaction();
    }
  };

  const filterOf = (q: ParsedQuery): ((key: string) => boolean) | undefined => {
    if (q.kinds.length === 0 && q.types.length === 0 && !q.after && !q.before) return undefined;
    return (key) => {
      const doc = docs.get(key);
      if (!doc) return false;
      if (q.kinds.length > 0 && !q.kinds.includes(doc.kind)) return false;
      if (q.types.length > 0 && !q.types.includes(doc.type)) return false;
      if (q.after || q.before) {
        const date = doc.date ? dateBound(doc.date) : undefined;
        if (!date) return false;
        if (q.after && date.to < q.after.from) return false;
        if (q.before && date.from >= q.before.from) return false;
      }
      return true;
    };
  };

  /** Entities named exactly like the query (all its words, or its one phrase) rise to the top. */
  const nameBoosts = (q: ParsedQuery): Map<number, number> => {
    const boosts = new Map<number, number>();
    if (q.phrases.length > 0 && q.terms.length > 0) return boosts;
    const words = q.phrases.length === 1 ? q.phrases[0]! : q.terms.map((t) => t.text);
    for (const key of byName.get(words.join(' ')) ?? []) {
      const shortId = postings.idOf(key);
      if (shortId !== undefined) boosts.set(shortId, EXACT_NAME_BOOST);
    }
    return boosts;
  };

  /**
   * Each phrase's check in the index: the passages whose body may hold it by
   * word positions (phrase-positions.ts), and those whose title holds its
   * rarest word (the text check is tried on these titles: they are short and
   * in memory). Only passages passing it are scored, read and checked
   * against their text, so a phrase of common words neither scores nor scans
   * thousands of passages.
   */
  const phraseChecks = (phrases: readonly string[][]) =>
    phrases.map((words) => {
      const body = phraseInBody(postings, stops.postings, words);
      const titled = new Uint8Array(postings.idLimit);
      const lists = words.filter((w) => !isStopword(w)).map((w) => postings.get(w));
      if (lists.length > 0 && lists.every((l) => l !== undefined)) {
        const rarest = lists.reduce((a, b) => (a!.df(TITLE_FIELD) <= b!.df(TITLE_FIELD) ? a : b))!;
        rarest.forEach(TITLE_FIELD, (id) => void (titled[id] = 1));
      }
      return { body, titled };
    });

  /** The passages every phrase's positions leave (none judged: undefined, all of them). */
  const phraseCandidates = (checks: ReturnType<typeof phraseChecks>): number[] | undefined => {
    const judged = checks.filter((c) => c.body !== undefined);
    if (judged.length === 0) return undefined;
    const out: number[] = [];
    for (let id = 0; id < postings.idLimit; id++) {
      let ok = true;
      for (const c of judged) {
        if (c.body![id] !== 1 && c.titled[id] !== 1) {
          ok = false;
          break;
        }
      }
      if (ok) out.push(id);
    }
    return out;
  };

  /** Matches that may hold every phrase: in their body by positions, or in their title by the text check. */
  const keepPhrases = (matches: Matches, checks: ReturnType<typeof phraseChecks>, patterns: readonly RegExp[]): Matches => {
    if (checks.length === 0 || matches.ids.length === 0) return matches;
    const ids: number[] = [];
    const scores: number[] = [];
    matches.ids.forEach((id, i) => {
      const ok = checks.every((check, p) => {
        if (!check.body || check.body[id] === 1) return true;
        if (check.titled[id] !== 1) return false;
        const title = docs.get(postings.keyOf(id) ?? '')?.title;
        return title !== undefined && findPhrase(patterns[p]!, title).found;
      });
      if (!ok) return;
      ids.push(id);
      scores.push(matches.scores[i]!);
    });
    return { ids: Uint32Array.from(ids), scores: Float64Array.from(scores) };
  };

  interface RankingState extends Ranking {
    groups: TermGroup[];
    highlight: Set<string>;
    highlightPattern: RegExp | undefined;
    phrases: RegExp[];
    excludedPhrases: RegExp[];
  }

  const rank = (query: string | ParsedQuery): RankingState => {
    const parsed = typeof query === 'string' ? parseQuery(query) : query;
    const groups = indexTerms(parsed).map((t) => expand(postings, t));
    const excluded = parsed.excludedTerms.map((t) => postings.get(t)).filter((p): p is TermPostings => p !== undefined);
    const phrases = parsed.phrases.map(phrasePattern);
    const match = () => {
      const checks = phraseChecks(parsed.phrases);
      return keepPhrases(matchAll(postings, groups, excluded, filterOf(parsed), nameBoosts(parsed), norms(), phraseCandidates(checks)), checks, phrases);
    };
    let all = match();
    // Passages are renumbered when the index compacts: a query that spans a compaction ranks again.
    let generation = terms.generation;
    const highlight = new Set(groups.flatMap((g) => g.expansions.map((e) => e.term)));
    const { kindOf } = norms();
    const byKind = [0, 0, 0];
    for (const id of all.ids) byKind[kindOf[id]!]! += 1;
    let selected: Candidate[] = [];
    let cursor = 0;
    return {
      parsed,
      total: all.ids.length,
      totals: { note: byKind[0]!, source: byKind[1]!, entity: byKind[2]! },
      groups,
      highlight,
      highlightPattern: termPattern(highlight),
      phrases,
      excludedPhrases: parsed.excludedPhrases.map(phrasePattern),
      next(n) {
        if (generation !== terms.generation) {
          generation = terms.generation;
          all = match();
          selected = [];
        }
        if (cursor + n > selected.length && selected.length < all.ids.length) {
          selected = topCandidates(postings, all, Math.max(cursor + n, selected.length * 4, 32));
        }
        const out = selected.slice(cursor, cursor + n);
        cursor += out.length;
        return out;
      },
    };
  };

  const hit = (ranking: Ranking, candidate: Candidate): SearchHit | null => {
    const state = ranking as RankingState;
    const doc = docs.get(candidate.key);
    if (!doc) return null;
    const text = texts.get(targetKey(doc.kind, doc.id));
    const phraseRanges: [number, number][] = [];
    for (const pattern of state.phrases) {
      const inText = text !== undefined ? findPhrase(pattern, text, doc.start, doc.end) : { found: false, ranges: [] };
      if (!inText.found && !findPhrase(pattern, doc.title).found) return null;
      phraseRanges.push(...inText.ranges);
    }
    if (text !== undefined && state.excludedPhrases.some((p) => findPhrase(p, text, doc.start, doc.end).found)) return null;
    const { snippet, match } = text !== undefined ? buildSnippet(text, doc.start, doc.end, state.highlight, phraseRanges, state.highlightPattern) : { snippet: { text: '', highlights: [] } };
    return {
      kind: doc.kind,
      id: doc.id,
      title: doc.title,
      type: doc.type,
      ...(doc.page ? { page: doc.page } : {}),
      range: match ? { start: match[0], end: match[1] } : { start: doc.start, end: doc.end },
      passage: { start: doc.start, end: doc.end },
      snippet,
      score: candidate.score,
    };
  };

  const search = (query: string | ParsedQuery, options: SearchOptions = {}): SearchHit[] => {
    const limit = options.limit ?? 20;
    const ranking = rank(query);
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    while (hits.length < limit) {
      const batch = ranking.next(Math.max(limit, 16));
      if (batch.length === 0) break;
      for (const c of batch) {
        const h = hit(ranking, c);
        if (!h) continue;
        const key = hitKey(h);
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push(h);
        if (hits.length >= limit) break;
      }
    }
    return hits;
  };

  return {
    add,
    update: add,
    remove,
    has: (kind, id) => docsByTarget.has(targetKey(kind, id)),
    provideText: (kind, id, text) => {
      if (docsByTarget.has(targetKey(kind, id))) texts.set(targetKey(kind, id), text);
    },
    missingTexts: () => {
      const out: { kind: SearchKind; id: string }[] = [];
      for (const [t, keys] of docsByTarget) {
        if (texts.has(t)) continue;
        const doc = docs.get(keys[0]!);
        if (doc) out.push({ kind: doc.kind, id: doc.id });
      }
      return out;
    },
    search,
    rank,
    hit,
    textsNeeded: (candidates) => {
      const out = new Map<string, { kind: SearchKind; id: string }>();
      for (const c of candidates) {
        const doc = docs.get(c.key);
        if (doc && !texts.has(targetKey(doc.kind, doc.id))) out.set(targetKey(doc.kind, doc.id), { kind: doc.kind, id: doc.id });
      }
      return [...out.values()];
    },
    targets: () => {
      const out: { kind: SearchKind; id: string }[] = [];
      for (const keys of docsByTarget.values()) {
        const doc = docs.get(keys[0]!);
        if (doc) out.push({ kind: doc.kind, id: doc.id });
      }
      return out;
    },
    compact: () => {
      terms.compact();
      stops.compact();
      stopsFollow = terms.generation;
    },
    snapshot: () => {
      const snapshot = { version: SEARCH_INDEX_VERSION, terms: terms.snapshot(), stopwords: stops.snapshot(), docs: [...docs.values()] };
      stopsFollow = terms.generation;
      return snapshot;
    },
    get documentCount() {
      return docs.size;
    },
  };
}

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  return createIndex(createTermIndex(), createTermIndex({ stopwords: true }), [], options);
}

/**
 * An index from a snapshot, or undefined when the snapshot is from another
 * version or does not hold together: the caller rebuilds from the database.
 */
export function loadSearchIndex(snapshot: SearchIndexSnapshot | undefined | null, options: SearchIndexOptions = {}): SearchIndex | undefined {
  try {
    if (!snapshot || snapshot.version !== SEARCH_INDEX_VERSION || !Array.isArray(snapshot.docs) || !snapshot.terms || !snapshot.stopwords) return undefined;
    const terms = loadTermIndex(snapshot.terms);
    const stops = loadTermIndex(snapshot.stopwords, { stopwords: true });
    if (snapshot.docs.some((d) => !terms.has(d.key)) || snapshot.docs.length !== terms.documentCount) return undefined;
    // Both indexes number passages alike (phrase-positions.ts reads one's numbers in the other).
    const stopKeys = snapshot.stopwords.keys;
    if (stopKeys.length !== snapshot.terms.keys.length || snapshot.terms.keys.some((key, i) => stopKeys[i] !== key)) return undefined;
    return createIndex(terms, stops, snapshot.docs, options);
  } catch {
    return undefined;
  }
}

/**
 * Targets' texts by reference, most recently used last: beyond `budget`
 * characters the least recently used go (the worker fetches them again
 * when a hit needs one).
 */
function createTextStore(budget: number) {
  const texts = new Map<string, string>();
  let size = 0;
  return {
    has: (key: string) => texts.has(key),
    get(key: string): string | undefined {
      const text = texts.get(key);
      if (text !== undefined && budget !== Infinity) {
        texts.delete(key);
        texts.set(key, text);
      }
      return text;
    },
    set(key: string, text: string): void {
      this.delete(key);
      texts.set(key, text);
      size += text.length;
      for (const [k, t] of texts) {
        if (size <= budget || k === key) break;
        texts.delete(k);
        size -= t.length;
      }
    },
    delete(key: string): void {
      const old = texts.get(key);
      if (old === undefined) return;
      texts.delete(key);
      size -= old.length;
    },
  };
}

export { parseQuery, tokenize };
export type { ParsedQuery, SearchDoc, SearchKind, Snippet, Candidate };
