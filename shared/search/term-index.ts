import { indexTokens, isStopword, tokenize } from './tokens';

/**
 * The term index: words → the passages holding them, with their frequency
 * in the passage's title and body, and each passage's field lengths for
 * BM25. Built for a 100 MB case: postings live in typed arrays (8 bytes
 * each: the passage's number and both frequencies), so the index takes a
 * fraction of a map-based library's memory, and it saves and loads as a
 * handful of arrays (structured clone, no parsing): a snapshot is usable the
 * moment IndexedDB hands it back.
 *
 * Two layers: the base (one array of all postings, term by term, as the
 * last snapshot or compaction left it) and, per term, the postings added
 * since. Passages are numbered in the order they are added, so a term's
 * postings are in ascending order across both layers. A discarded passage
 * is marked dead; its postings are skipped and dropped at the next
 * compaction (`snapshot()` compacts, and so does an index with many dead).
 *
 * Each body posting also keeps the term's positions in the passage (word
 * numbers, stopwords counted though not indexed), so a phrase is checked in
 * the index before any text is read (phrase-positions.ts). They are varints,
 * gaps from the previous position, one stream per term beside its postings:
 * about a byte per indexed word.
 */

export interface IndexedDoc {
  key: string;
  title: string;
  body: string;
  /**
   * False when the body's word positions may disagree with the phrase check
   * on its text (`positionsAgree` in phrase.ts): then positions never rule a
   * phrase out there. True by default.
   */
  exactPositions?: boolean;
  /** `tokenize(body)`, when the caller has it already (the search index tokenizes once for both its term indexes). */
  bodyWords?: readonly string[];
}

export const TITLE_FIELD = 0;
export const BODY_FIELD = 1;

/** One term's postings, dead passages skipped. */
export interface TermPostings {
  /**
   * Passages holding the term in `field`, for BM25. Discarded passages count
   * until the next compaction, as in MiniSearch (which counted them until
   * vacuuming): exact counts would need each passage's terms kept.
   */
  df(field: number): number;
  /** Each live passage holding the term in `field`, in ascending order, with the term's frequency there. */
  forEach(field: number, fn: (id: number, tf: number) => void): void;
  /**
   * Each live passage holding the term in its body, in ascending order, with
   * the term's positions there, ascending, in `positions[0, count)` (an array
   * reused from call to call). Passages `wanted` refuses are skipped without
   * decoding.
   */
  forEachPositions(fn: (id: number, positions: Int32Array, count: number) => void, wanted?: (id: number) => boolean): void;
  /** The term's frequency in `field` of passage `id`; 0 when absent. */
  tf(field: number, id: number): number;
  /** Postings stored (both fields, dead included): the cost of walking the term. */
  readonly size: number;
}

/** Read access for ranking (rank.ts). */
export interface Postings {
  get(term: string): TermPostings | undefined;
  /** Every indexed term starting with `prefix` (itself included), with its postings. */
  withPrefix(prefix: string): Iterable<[string, TermPostings]>;
  /** Terms within `maxDistance` edits (Levenshtein) of `term`, with their distance. */
  fuzzy(term: string, maxDistance: number): Map<string, [TermPostings, number]>;
  /** The passage's key, or undefined once discarded. */
  keyOf(id: number): string | undefined;
  idOf(key: string): number | undefined;
  /** Whether the passage's positions can rule a phrase out (see `IndexedDoc.exactPositions`). */
  exactPositions(id: number): boolean;
  fieldLength(id: number, field: number): number;
  avgFieldLength(field: number): number;
  /** Live passages. */
  readonly documentCount: number;
  /** Passage numbers are below this: the size of per-passage scratch arrays. */
  readonly idLimit: number;
}

/** What a snapshot holds: plain strings and typed arrays, for structured clone (IndexedDB, postMessage). */
export interface TermIndexSnapshot {
  /** Terms in id order, joined by "\n" (a term is letters and digits only). */
  terms: string;
  /** Per term, its postings' range in `data` (in postings), `start[t]` to `start[t + 1]`. */
  start: Uint32Array;
  /** Postings as pairs: passage number, then title frequency << 16 | body frequency. */
  data: Uint32Array;
  /** Passage keys by number (compacted: every passage is live). */
  keys: string[];
  titleLength: Uint32Array;
  bodyLength: Uint32Array;
  /** Body positions, term by term in `data`'s order, as varints: per posting, its body frequency of them, each the gap from the one before (the first from 0). */
  positions: Uint8Array;
  /** Per term, its positions' range in `positions` (in bytes). */
  positionStart: Uint32Array;
  /** Per passage, 1 when its positions can rule a phrase out. */
  exactPositions: Uint8Array;
}

export interface TermIndex {
  add(doc: IndexedDoc): void;
  discard(key: string): void;
  has(key: string): boolean;
  readonly documentCount: number;
  readonly postings: Postings;
  /** Bumped by each compaction, which renumbers passages: rankings made before it must rank again. */
  readonly generation: number;
  /** The index compacted, as plain data. The index keeps working (it shares the arrays). */
  snapshot(): TermIndexSnapshot;
  /** Drops discarded passages now, so counts are exact again (see `TermPostings.df`). */
  compact(): void;
}

const MAX_TF = 0xffff;

/** A growable Uint32Array. */
class U32 {
  array: Uint32Array;
  length = 0;
  constructor(capacity = 16) {
    this.array = new Uint32Array(capacity);
  }
  static of(array: Uint32Array): U32 {
    const u = new U32(0);
    u.array = array;
    u.length = array.length;
    return u;
  }
  push(v: number): void {
    if (this.length === this.array.length) this.grow(this.length + 1);
    this.array[this.length++] = v;
  }
  grow(min: number): void {
    const next = new Uint32Array(Math.max(min, Math.ceil(this.array.length * 1.5), 16));
    next.set(this.array.subarray(0, this.length));
    this.array = next;
  }
  get(i: number): number {
    return this.array[i]!;
  }
  set(i: number, v: number): void {
    if (i >= this.length) {
      if (i >= this.array.length) this.grow(i + 1);
      this.length = i + 1;
    }
    this.array[i] = v;
  }
}

/** A growable Uint8Array: a term's positions added since the base. */
class U8 {
  array = new Uint8Array(8);
  length = 0;
  push(v: number): void {
    if (this.length === this.array.length) {
      const next = new Uint8Array(this.array.length * 2);
      next.set(this.array);
      this.array = next;
    }
    this.array[this.length++] = v;
  }
  /** `v` (a non-negative integer) as a varint: 7 bits a byte, the high bit set on all but the last. */
  pushVarint(v: number): void {
    while (v >= 0x80) {
      this.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.push(v);
  }
  append(bytes: Uint8Array, from: number, to: number): void {
    if (this.length + to - from > this.array.length) {
      const next = new Uint8Array(Math.max(this.array.length * 2, this.length + to - from));
      next.set(this.array.subarray(0, this.length));
      this.array = next;
    }
    this.array.set(bytes.subarray(from, to), this.length);
    this.length += to - from;
  }
}

/** Where the `n` varints starting at `at` end. */
function skipVarints(bytes: Uint8Array, at: number, n: number): number {
  while (n > 0) if (bytes[at++]! < 0x80) n--;
  return at;
}

/** Positions decoded for `forEachPositions`, reused (searches are synchronous). */
let positionBuffer = new Int32Array(256);

/** Compacts when dead postings are at least this share of all (and the index is not tiny). */
const COMPACT_DEAD_SHARE = 0.2;
const COMPACT_MIN_DEAD_DOCS = 256;
/**
 * Postings added since the base are merged into it once they reach this
 * many and the base's size: per-term growable lists cost far more memory per
 * posting than the base's one array, so an index built from scratch is
 * folded in a few times on the way (doubling, so each posting is copied a
 * few times at most) rather than left in hundreds of thousands of lists.
 */
const MERGE_DELTA_MIN = 1 << 19;
/** New terms are kept unsorted until there are this many, then the dictionary is sorted again. */
const UNSORTED_MAX = 4096;

export interface TermIndexOptions {
  /**
   * Index the stopwords only, body positions alone (no titles): what a
   * phrase made mostly of stopwords ("wilcos is the") is checked with. The
   * search index keeps one such index beside its main one, so stopwords
   * never weigh on ranking, prefixes or typos. Its postings carry, where a
   * main index keeps the title frequency, the byte length of their
   * positions: a stopword's stream is long, and a phrase check walks it
   * skipping most passages.
   *
   * It never compacts by itself: its owner compacts it whenever the main
   * index has compacted, so both number their passages alike.
   */
  stopwords?: boolean;
}

export function createTermIndex(options: TermIndexOptions = {}): TermIndex {
  return buildIndex(undefined, options);
}

/** An index from a snapshot; throws on one that does not hold together (the caller rebuilds). */
export function loadTermIndex(snapshot: TermIndexSnapshot, options: TermIndexOptions = {}): TermIndex {
  const { terms, start, data, keys, titleLength, bodyLength, positions, positionStart, exactPositions } = snapshot;
  const termList = terms === '' ? [] : terms.split('\n');
  let ok =
    start instanceof Uint32Array &&
    data instanceof Uint32Array &&
    titleLength instanceof Uint32Array &&
    bodyLength instanceof Uint32Array &&
    Array.isArray(keys) &&
    start.length === termList.length + 1 &&
    start[termList.length] === data.length / 2 &&
    titleLength.length === keys.length &&
    bodyLength.length === keys.length &&
    positions instanceof Uint8Array &&
    positionStart instanceof Uint32Array &&
    exactPositions instanceof Uint8Array &&
    positionStart.length === termList.length + 1 &&
    positionStart[termList.length] === positions.length &&
    exactPositions.length === keys.length;
  // Terms are stored in string order (compaction renumbers them so): prefix and fuzzy search rely on it.
  for (let i = 1; ok && i < termList.length; i++) if (!(termList[i - 1]! < termList[i]!)) ok = false;
  if (!ok) throw new Error('The term index snapshot does not hold together.');
  return buildIndex(snapshot, options);
}

function buildIndex(snapshot: TermIndexSnapshot | undefined, options: TermIndexOptions): TermIndex {
  const stopwordsOnly = options.stopwords === true;
  // The dictionary.
  const terms: string[] = snapshot && snapshot.terms !== '' ? snapshot.terms.split('\n') : [];
  const termIdOf = new Map<string, number>();
  terms.forEach((t, i) => termIdOf.set(t, i));
  // Terms in string order (ids), and new terms not sorted in yet.
  let sorted = new Uint32Array(0);
  let sortedCount = 0;
  const unsorted: number[] = [];

  // The base layer and the postings added since.
  let baseData = snapshot?.data ?? new Uint32Array(0);
  let baseStart = snapshot?.start ?? new Uint32Array(1);
  let basePositions = snapshot?.positions ?? new Uint8Array(0);
  let basePositionStart = snapshot?.positionStart ?? new Uint32Array(1);
  let baseTerms = terms.length;
  // Per term, postings added since the base, as pairs (so a list of n postings has length 2n), and their positions.
  let delta: (U32 | undefined)[] = [];
  let deltaPositions: (U8 | undefined)[] = [];
  // Per term, passages holding it in the title and in the body, dead ones included.
  let dfTitle = new U32();
  let dfBody = new U32();

  // Passages.
  const keys: (string | undefined)[] = snapshot ? [...snapshot.keys] : [];
  const idOfKey = new Map<string, number>();
  keys.forEach((k, i) => idOfKey.set(k!, i));
  let titleLength = snapshot ? U32.of(snapshot.titleLength.slice()) : new U32();
  let bodyLength = snapshot ? U32.of(snapshot.bodyLength.slice()) : new U32();
  let alive = new Uint8Array(Math.max(16, keys.length));
  alive.fill(1, 0, keys.length);
  let exact = new Uint8Array(Math.max(16, keys.length));
  if (snapshot) exact.set(snapshot.exactPositions);
  let live = keys.length;
  let deadDocs = 0;
  let deadPostings = 0;
  let generation = 0;
  let totalPostings = baseData.length / 2;
  let titleSum = 0;
  let bodySum = 0;
  for (let i = 0; i < keys.length; i++) {
    titleSum += titleLength.get(i);
    bodySum += bodyLength.get(i);
  }
  if (snapshot && terms.length > 0) {
    // Stored df is recounted: cheap, and a snapshot need not carry it.
    dfTitle.set(terms.length - 1, 0);
    dfBody.set(terms.length - 1, 0);
    for (let t = 0; t < terms.length; t++) {
      let ti = 0;
      let bo = 0;
      let positionCount = 0;
      for (let p = baseStart[t]!; p < baseStart[t + 1]!; p++) {
        const packed = baseData[2 * p + 1]!;
        if (packed >>> 16) ti++;
        if (packed & 0xffff) bo++;
        positionCount += packed & 0xffff;
      }
      dfTitle.array[t] = ti;
      dfBody.array[t] = bo;
      // Each body posting must find its positions where the stream says: count the varints' last bytes.
      let ends = 0;
      for (let b = basePositionStart[t]!; b < basePositionStart[t + 1]!; b++) if (basePositions[b]! < 0x80) ends++;
      if (ends !== positionCount || basePositionStart[t + 1]! < basePositionStart[t]!) throw new Error('The term index snapshot does not hold together.');
    }
  }

  const termPostings = (t: number): TermPostings => {
    const baseFrom = t < baseTerms ? 2 * baseStart[t]! : 0;
    const baseTo = t < baseTerms ? 2 * baseStart[t + 1]! : 0;
    const extra = delta[t];
    const extraTo = extra ? extra.length : 0;
    const each = (fn: (id: number, packed: number) => void) => {
      for (let i = baseFrom; i < baseTo; i += 2) {
        const id = baseData[i]!;
        if (alive[id]) fn(id, baseData[i + 1]!);
      }
      if (extra) {
        const a = extra.array;
        for (let i = 0; i < extraTo; i += 2) {
          const id = a[i]!;
          if (alive[id]) fn(id, a[i + 1]!);
        }
      }
    };
    const find = (array: Uint32Array, from: number, to: number, id: number): number => {
      let lo = from / 2;
      let hi = to / 2 - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = array[2 * mid]!;
        if (v === id) return array[2 * mid + 1]!;
        if (v < id) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
    /** The postings of `data[from, to)` with their positions from `bytes[at…]`. */
    const walkPositions = (
      data: Uint32Array,
      from: number,
      to: number,
      bytes: Uint8Array,
      at: number,
      fn: (id: number, positions: Int32Array, count: number) => void,
      wanted: ((id: number) => boolean) | undefined,
    ) => {
      for (let i = from; i < to; i += 2) {
        const n = data[i + 1]! & 0xffff;
        if (n === 0) continue;
        const id = data[i]!;
        if (!alive[id] || (wanted && !wanted(id))) {
          const length = stopwordsOnly ? data[i + 1]! >>> 16 : MAX_TF;
          at = length < MAX_TF ? at + length : skipVarints(bytes, at, n);
          continue;
        }
        if (positionBuffer.length < n) positionBuffer = new Int32Array(Math.max(n, positionBuffer.length * 2));
        const out = positionBuffer;
        let position = 0;
        for (let j = 0; j < n; j++) {
          let v = 0;
          let shift = 0;
          let byte: number;
          do {
            byte = bytes[at++]!;
            v += (byte & 0x7f) * 2 ** shift;
            shift += 7;
          } while (byte >= 0x80);
          position += v;
          out[j] = position;
        }
        fn(id, out, n);
      }
    };
    return {
      size: (baseTo - baseFrom + extraTo) / 2,
      forEachPositions(fn, wanted) {
        if (t < baseTerms) walkPositions(baseData, baseFrom, baseTo, basePositions, basePositionStart[t]!, fn, wanted);
        const extraPositions = deltaPositions[t];
        if (extra && extraPositions) walkPositions(extra.array, 0, extraTo, extraPositions.array, 0, fn, wanted);
      },
      df: (field) => (field === TITLE_FIELD ? dfTitle.get(t) : dfBody.get(t)),
      forEach(field, fn) {
        if (field === TITLE_FIELD) {
          each((id, packed) => {
            const tf = packed >>> 16;
            if (tf) fn(id, tf);
          });
        } else {
          each((id, packed) => {
            const tf = packed & 0xffff;
            if (tf) fn(id, tf);
          });
        }
      },
      tf(field, id) {
        if (!alive[id]) return 0;
        let packed = baseTo > baseFrom && id <= baseData[baseTo - 2]! ? find(baseData, baseFrom, baseTo, id) : -1;
        if (packed < 0 && extra) packed = find(extra.array, 0, extraTo, id);
        if (packed < 0) return 0;
        return field === TITLE_FIELD ? packed >>> 16 : packed & 0xffff;
      },
    };
  };

  const termId = (term: string): number => {
    let t = termIdOf.get(term);
    if (t === undefined) {
      t = terms.length;
      terms.push(term);
      termIdOf.set(term, t);
      unsorted.push(t);
      dfTitle.set(t, 0);
      dfBody.set(t, 0);
    }
    return t;
  };

  const counts = (tokens: string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const token of tokens) m.set(token, (m.get(token) ?? 0) + 1);
    return m;
  };

  const add = (doc: IndexedDoc) => {
    if (idOfKey.has(doc.key)) discard(doc.key);
    const titleTokens = stopwordsOnly ? [] : indexTokens(doc.title);
    // Positions count every word, stopwords too, so "bank of china" is "bank" and "china" two apart.
    const words = doc.bodyWords ?? tokenize(doc.body);
    const body = new Map<string, number[]>();
    let bodyLengthOf = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (isStopword(word) !== stopwordsOnly) continue;
      bodyLengthOf++;
      const list = body.get(word);
      if (list) list.push(i);
      else body.set(word, [i]);
    }
    const id = keys.length;
    keys.push(doc.key);
    idOfKey.set(doc.key, id);
    if (id >= alive.length) {
      const next = new Uint8Array(Math.max(alive.length * 2, id + 1));
      next.set(alive);
      alive = next;
    }
    if (id >= exact.length) {
      const next = new Uint8Array(alive.length);
      next.set(exact);
      exact = next;
    }
    alive[id] = 1;
    exact[id] = doc.exactPositions === false ? 0 : 1;
    live++;
    titleLength.set(id, titleTokens.length);
    bodyLength.set(id, bodyLengthOf);
    titleSum += titleTokens.length;
    bodySum += bodyLengthOf;
    const title = counts(titleTokens);
    for (const [term, n] of title) {
      const positions = body.get(term);
      body.delete(term);
      post(termId(term), id, n, positions);
    }
    for (const [term, positions] of body) post(termId(term), id, 0, positions);
    if (!stopwordsOnly && totalPostings - baseData.length / 2 >= Math.max(MERGE_DELTA_MIN, baseData.length / 2)) compact();
  };

  const post = (t: number, id: number, title: number, positions: number[] | undefined) => {
    const n = Math.min(positions?.length ?? 0, MAX_TF);
    const bytes = (deltaPositions[t] ??= new U8());
    const from = bytes.length;
    let previous = 0;
    for (let j = 0; j < n; j++) {
      bytes.pushVarint(positions![j]! - previous);
      previous = positions![j]!;
    }
    const list = (delta[t] ??= new U32(4));
    list.push(id);
    // The stopwords' index holds no titles: the high half says how long the positions are (MAX_TF: at least that).
    list.push((Math.min(stopwordsOnly ? bytes.length - from : title, MAX_TF) << 16) | n);
    if (title) dfTitle.array[t]!++;
    if (n) dfBody.array[t]!++;
    totalPostings++;
  };

  const discard = (key: string) => {
    const id = idOfKey.get(key);
    if (id === undefined) return;
    idOfKey.delete(key);
    keys[id] = undefined;
    alive[id] = 0;
    live--;
    deadDocs++;
    titleSum -= titleLength.get(id);
    bodySum -= bodyLength.get(id);
    // Its postings count as dead; how many is known only from its lengths, which bound them.
    deadPostings += Math.min(titleLength.get(id) + bodyLength.get(id), totalPostings);
    if (!stopwordsOnly && deadDocs >= COMPACT_MIN_DEAD_DOCS && deadPostings >= COMPACT_DEAD_SHARE * totalPostings) compact();
  };

  /**
   * Rewrites the postings of live passages into one base layer: passages
   * renumbered densely, terms renumbered in string order (so the dictionary
   * needs no sorting after a load), terms no passage holds any more dropped.
   */
  const compact = () => {
    const renumber = new Uint32Array(keys.length);
    const nextKeys: string[] = [];
    const nextTitle = new U32(Math.max(16, live));
    const nextBody = new U32(Math.max(16, live));
    const nextExact = new Uint8Array(Math.max(16, live));
    for (let id = 0; id < keys.length; id++) {
      if (!alive[id]) continue;
      renumber[id] = nextKeys.length;
      nextExact[nextKeys.length] = exact[id]!;
      nextTitle.push(titleLength.get(id));
      nextBody.push(bodyLength.get(id));
      nextKeys.push(keys[id]!);
    }
    const order = Array.from({ length: terms.length }, (_, i) => i).sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    const nextTerms: string[] = [];
    const starts = new U32(Math.max(16, terms.length + 1));
    const out = new U32(Math.max(16, 2 * (totalPostings - deadPostings)));
    const positionStarts = new U32(Math.max(16, terms.length + 1));
    const outPositions = new U8();
    outPositions.array = new Uint8Array(Math.max(16, basePositions.length + deltaPositions.reduce((n, p) => n + (p?.length ?? 0), 0)));
    const nextDfTitle = new U32(Math.max(16, terms.length));
    const nextDfBody = new U32(Math.max(16, terms.length));
    for (const t of order) {
      const at = out.length;
      const positionsAt = outPositions.length;
      let ti = 0;
      let bo = 0;
      let bytes = basePositions;
      let cursor = 0;
      const copy = (id: number, packed: number) => {
        const end = skipVarints(bytes, cursor, packed & 0xffff);
        if (alive[id]) {
          out.push(renumber[id]!);
          out.push(packed);
          outPositions.append(bytes, cursor, end);
          if (packed >>> 16) ti++;
          if (packed & 0xffff) bo++;
        }
        cursor = end;
      };
      if (t < baseTerms) {
        cursor = basePositionStart[t]!;
        for (let i = 2 * baseStart[t]!; i < 2 * baseStart[t + 1]!; i += 2) copy(baseData[i]!, baseData[i + 1]!);
      }
      const extra = delta[t];
      if (extra) {
        bytes = deltaPositions[t]?.array ?? new Uint8Array(0);
        cursor = 0;
        for (let i = 0; i < extra.length; i += 2) copy(extra.array[i]!, extra.array[i + 1]!);
      }
      if (out.length === at) continue;
      starts.push(at / 2);
      positionStarts.push(positionsAt);
      nextDfTitle.push(ti);
      nextDfBody.push(bo);
      nextTerms.push(terms[t]!);
    }
    starts.push(out.length / 2);
    positionStarts.push(outPositions.length);
    baseData = out.array.slice(0, out.length);
    baseStart = starts.array.slice(0, starts.length);
    basePositions = outPositions.array.slice(0, outPositions.length);
    basePositionStart = positionStarts.array.slice(0, positionStarts.length);
    terms.length = 0;
    terms.push(...nextTerms);
    termIdOf.clear();
    terms.forEach((term, i) => termIdOf.set(term, i));
    baseTerms = terms.length;
    markSorted();
    delta = [];
    deltaPositions = [];
    dfTitle = nextDfTitle;
    dfBody = nextDfBody;
    keys.length = 0;
    keys.push(...nextKeys);
    idOfKey.clear();
    nextKeys.forEach((k, i) => idOfKey.set(k, i));
    titleLength = nextTitle;
    bodyLength = nextBody;
    alive = new Uint8Array(Math.max(16, keys.length));
    alive.fill(1, 0, keys.length);
    exact = nextExact;
    live = keys.length;
    deadDocs = 0;
    deadPostings = 0;
    totalPostings = baseData.length / 2;
    generation++;
  };

  /** The dictionary in string order, with each term's shared prefix with the one before (for fuzzy search). */
  let lcp = new Uint8Array(0);
  const computeLcp = () => {
    lcp = new Uint8Array(sortedCount);
    for (let i = 1; i < sortedCount; i++) {
      const a = terms[sorted[i - 1]!]!;
      const b = terms[sorted[i]!]!;
      let n = 0;
      while (n < a.length && n < b.length && n < 255 && a.charCodeAt(n) === b.charCodeAt(n)) n++;
      lcp[i] = n;
    }
  };
  /** Term ids are in string order (after a compaction or a load): the dictionary is sorted as it is. */
  function markSorted() {
    sorted = Uint32Array.from({ length: terms.length }, (_, i) => i);
    sortedCount = terms.length;
    unsorted.length = 0;
    computeLcp();
  }
  const sortDictionary = () => {
    const ids = Uint32Array.from({ length: terms.length }, (_, i) => i);
    ids.sort((a, b) => (terms[a]! < terms[b]! ? -1 : terms[a]! > terms[b]! ? 1 : 0));
    sorted = ids;
    sortedCount = terms.length;
    unsorted.length = 0;
    computeLcp();
  };
  const dictionaryReady = () => {
    if (unsorted.length > UNSORTED_MAX) sortDictionary();
  };
  if (snapshot) markSorted();

  /** The first position in `sorted` whose term is not below `s`. */
  const lowerBound = (s: string): number => {
    let lo = 0;
    let hi = sortedCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[sorted[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  function* withPrefix(prefix: string): Iterable<[string, TermPostings]> {
    dictionaryReady();
    for (let i = lowerBound(prefix); i < sortedCount; i++) {
      const t = sorted[i]!;
      const term = terms[t]!;
      if (!term.startsWith(prefix)) break;
      yield [term, termPostings(t)];
    }
    for (const t of unsorted) if (terms[t]!.startsWith(prefix)) yield [terms[t]!, termPostings(t)];
  }

  /**
   * Levenshtein over the sorted dictionary as over a trie: a term reuses the
   * rows of the prefix it shares with the term before, and a prefix already
   * too far from the query skips every term that starts with it.
   */
  const fuzzy = (query: string, maxDistance: number): Map<string, [TermPostings, number]> => {
    dictionaryReady();
    const found = new Map<string, [TermPostings, number]>();
    const n = query.length;
    const rows: Int32Array[] = [Int32Array.from({ length: n + 1 }, (_, j) => j)];
    const rowMin: number[] = [0];
    const rowFor = (depth: number, c: number) => {
      const prev = rows[depth - 1]!;
      const row = (rows[depth] ??= new Int32Array(n + 1));
      row[0] = depth;
      let min = depth;
      for (let j = 1; j <= n; j++) {
        const cost = query.charCodeAt(j - 1) === c ? 0 : 1;
        const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
        row[j] = v;
        if (v < min) min = v;
      }
      rowMin[depth] = min;
    };
    let built = 0; // rows valid for the previous term's first `built` characters
    for (let i = 0; i < sortedCount; i++) {
      const term = terms[sorted[i]!]!;
      const shared = Math.min(lcp[i] ?? 0, built);
      let depth = shared;
      let pruned = false;
      for (; depth < term.length; depth++) {
        rowFor(depth + 1, term.charCodeAt(depth));
        if (rowMin[depth + 1]! > maxDistance) {
          pruned = true;
          break;
        }
      }
      built = depth + (pruned ? 1 : 0);
      if (pruned) {
        // Every following term sharing these `depth + 1` characters is as far: skip them.
        while (i + 1 < sortedCount && (lcp[i + 1] ?? 0) >= depth + 1) i++;
        built = Math.min(built, depth);
        continue;
      }
      const distance = rows[term.length]![n]!;
      if (distance <= maxDistance) found.set(term, [termPostings(sorted[i]!), distance]);
    }
    for (const t of unsorted) {
      const d = levenshtein(terms[t]!, query, maxDistance);
      if (d <= maxDistance) found.set(terms[t]!, [termPostings(t), d]);
    }
    return found;
  };

  const postings: Postings = {
    get: (term) => {
      const t = termIdOf.get(term);
      return t === undefined ? undefined : termPostings(t);
    },
    withPrefix,
    fuzzy,
    keyOf: (id) => keys[id],
    idOf: (key) => idOfKey.get(key),
    exactPositions: (id) => exact[id] === 1,
    fieldLength: (id, field) => (field === TITLE_FIELD ? titleLength.get(id) : bodyLength.get(id)),
    avgFieldLength: (field) => (live === 0 ? 1 : (field === TITLE_FIELD ? titleSum : bodySum) / live || 1),
    get documentCount() {
      return live;
    },
    get idLimit() {
      return keys.length;
    },
  };

  return {
    add,
    discard,
    has: (key) => idOfKey.has(key),
    get documentCount() {
      return live;
    },
    postings,
    get generation() {
      return generation;
    },
    compact: () => {
      if (deadDocs > 0) compact();
    },
    snapshot: () => {
      if (deadDocs > 0 || delta.some(Boolean) || baseTerms !== terms.length) compact();
      return {
        terms: terms.join('\n'),
        start: baseStart,
        data: baseData,
        keys: keys as string[],
        titleLength: titleLength.array.slice(0, titleLength.length),
        bodyLength: bodyLength.array.slice(0, bodyLength.length),
        positions: basePositions,
        positionStart: basePositionStart,
        exactPositions: exact.slice(0, keys.length),
      };
    },
  };
}

/** Edit distance, giving up (returning max + 1) once it must exceed `max`. */
function levenshtein(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let min = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      row.push(v);
      if (v < min) min = v;
    }
    if (min > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}
