import type { Entity, EntityType } from '../shared/model/entity';
import type { Note } from '../shared/model/note';
import type { SourceWithBody } from '../shared/model/source';

/**
 * A deterministic synthetic case for the search benchmark: English-like prose
 * whose word frequencies follow Zipf's law (as real prose does), so common,
 * middling and rare words behave as they would in a real case. The same seed
 * always gives the same corpus and the same 200 queries.
 */

export interface SearchCorpus {
  notes: Note[];
  sources: SourceWithBody[];
  entities: Entity[];
  queries: string[];
  /** Each query's kind, in the same order: what the bench reports percentiles by. */
  queryKinds: QueryKind[];
  /** Characters of text across notes, sources and entity descriptions. */
  totalChars: number;
}

/** Kinds of query the bench reports apart: two-word queries and exclusions count as words. */
export type QueryKind = 'word' | 'prefix' | 'phrase' | 'fuzzy' | 'filtered';

export interface CorpusSize {
  notes: number;
  sources: number;
  entities: number;
  /** Characters of text per source, on average. */
  sourceChars: number;
}

export const FULL_CORPUS: CorpusSize = { notes: 10_000, sources: 1_000, entities: 50_000, sourceChars: 80_000 };

/** mulberry32: small, fast and good enough for a reproducible corpus. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The most frequent English words, in rough frequency order: they head the Zipf ranking.
const FUNCTION_WORDS = (
  'the of and to a in is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will more out up into do any your what ' +
  'some than can other them only its these new also two may first then over could after such most made should ' +
  'said between under where while during those both each through about because before without against'
).split(' ');

// Topic words like the seed article's, next in the ranking.
const TOPIC_WORDS = (
  'fentanyl drug cartel trafficking precursor chemical police agency government official report shipment ' +
  'customs border seizure pills powder network money laundering bank company court hearing testimony ' +
  'investigation evidence witness prosecutor charge sanction treasury department administration enforcement ' +
  'export import port warehouse supplier broker website advertisement payment crypto transfer account ' +
  'document record source interview meeting statement minister embassy province city country district ' +
  'laboratory factory production synthesis opioid overdose death victim family community hospital ' +
  'million billion thousand percent year month week agent officer director spokesman analyst researcher'
).split(' ');

const SYLLABLES = (
  'ka lo mi ra ten vo sha dri pel gan tor bel nu qui zan fe ro lin da mar cos ve tri pol sen gu ha ji mo ' +
  'ber cal den fi gor hul ix jun kel lum nor pra ques rid sol tam ur vek wil yan zor bra cre dus'
).split(' ');

const FIRST_NAMES = 'Anne John Maria Wei Li Carlos Elena Omar Fatima Ivan Sofia Hugo Nadia Pavel Chen Laura Diego Amir Yuki Tomas'.split(' ');

const ENTITY_TYPES_IN_CORPUS: EntityType[] = ['Person', 'Organization', 'Company', 'PublicBody', 'Place', 'Event', 'Substance', 'Figure'];

function syntheticWord(rand: () => number): string {
  const n = 2 + Math.floor(rand() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
  return w;
}

/** Vocabulary in rank order: function words, topic words, then invented words. */
function vocabulary(rand: () => number, size: number): string[] {
  const words = [...FUNCTION_WORDS, ...TOPIC_WORDS];
  const seen = new Set(words);
  while (words.length < size) {
    const w = syntheticWord(rand);
    if (!seen.has(w)) {
      seen.add(w);
      words.push(w);
    }
  }
  return words;
}

/** Samples word ranks with probability ∝ 1/rank (Zipf, s = 1) by binary search in the cumulative table. */
function zipfSampler(size: number, rand: () => number): () => number {
  const cumulative = new Float64Array(size);
  let sum = 0;
  for (let r = 0; r < size; r++) cumulative[r] = sum += 1 / (r + 1);
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

const DAY = 86_400_000;
const START = Date.UTC(2021, 0, 1);

export function buildSearchCorpus(size: CorpusSize = FULL_CORPUS, seed = 42): SearchCorpus {
  const rand = random(seed);
  const words = vocabulary(rand, 40_000);
  const rank = zipfSampler(words.length, rand);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

  const entityNames: string[] = [];
  for (let i = 0; i < size.entities; i++) {
    const w = syntheticWord(rand);
    entityNames.push(i % 3 === 0 ? `${pick(FIRST_NAMES)} ${w[0]!.toUpperCase()}${w.slice(1)}` : `${w[0]!.toUpperCase()}${w.slice(1)} ${pick(['Group', 'Trading', 'Bureau', 'Port', 'Chemical', 'Network'])}`);
  }

  const sentence = (): string => {
    const n = 8 + Math.floor(rand() * 18);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(rand() < 0.01 && entityNames.length > 0 ? pick(entityNames) : words[rank()]!);
    const first = parts[0]!;
    parts[0] = first[0]!.toUpperCase() + first.slice(1);
    return parts.join(' ') + (rand() < 0.1 ? ',' : '') + '.';
  };
  const paragraph = (): string => {
    const n = 2 + Math.floor(rand() * 7);
    const s: string[] = [];
    for (let i = 0; i < n; i++) s.push(sentence());
    return s.join(' ');
  };
  const textOf = (chars: number): string => {
    const paras: string[] = [];
    let length = 0;
    while (length < chars) {
      const p = paragraph();
      paras.push(p);
      length += p.length + 2;
    }
    return paras.join('\n\n');
  };
  const titleOf = (): string => {
    const n = 3 + Math.floor(rand() * 5);
    const t: string[] = [];
    for (let i = 0; i < n; i++) t.push(words[40 + Math.floor(rand() * 3000)]!);
    return t.join(' ');
  };

  let totalChars = 0;
  const notes: Note[] = [];
  for (let i = 0; i < size.notes; i++) {
    const text = textOf(200 + Math.floor(rand() * 1600));
    totalChars += text.length;
    const at = START + Math.floor(rand() * 1200) * DAY;
    notes.push({ id: `note-${i}`, caseId: 'bench', title: titleOf(), content: { type: 'doc' }, text, createdAt: at, updatedAt: at });
  }

  const sources: SourceWithBody[] = [];
  for (let i = 0; i < size.sources; i++) {
    const text = textOf(size.sourceChars * (0.5 + rand()));
    totalChars += text.length;
    const paged = i % 2 === 0;
    const pages: { start: number; end: number }[] = [];
    if (paged) {
      for (let start = 0; start < text.length; ) {
        const end = Math.min(text.length, start + 3000);
        pages.push({ start, end });
        start = end;
      }
    }
    sources.push({
      id: `source-${i}`,
      caseId: 'bench',
      title: titleOf(),
      format: paged ? 'pdf' : pick(['text', 'html', 'docx', 'email'] as const),
      text,
      ...(paged ? { pages } : {}),
      sha256: '',
      size: text.length,
      metadata: {},
      importedAt: START + Math.floor(rand() * 1200) * DAY,
    });
  }

  const entities: Entity[] = [];
  for (let i = 0; i < size.entities; i++) {
    const description = sentence() + (rand() < 0.5 ? ' ' + sentence() : '');
    totalChars += description.length;
    const type = ENTITY_TYPES_IN_CORPUS[i % ENTITY_TYPES_IN_CORPUS.length]!;
    const date = new Date(START + Math.floor(rand() * 1200) * DAY).toISOString().slice(0, 10);
    entities.push({
      id: `entity-${i}`,
      caseId: 'bench',
      type,
      name: entityNames[i]!,
      aliases: rand() < 0.3 ? [syntheticWord(rand)] : [],
      description,
      properties: type === 'Event' ? { date } : {},
      protected: false,
      quotes: [],
      createdAt: START,
      updatedAt: START,
    });
  }

  const labelled = benchQueries(words, entityNames, sources, rand);
  return { notes, sources, entities, queries: labelled.map((q) => q.text), queryKinds: labelled.map((q) => q.kind), totalChars };
}

const COMMON = new Set(FUNCTION_WORDS);

/** Replaces one inner letter, as a slip of the finger would. */
function typo(word: string, rand: () => number): string {
  const at = 1 + Math.floor(rand() * (word.length - 2));
  const letters = 'aeioulnrst';
  let c = letters[Math.floor(rand() * letters.length)]!;
  if (c === word[at]) c = c === 'a' ? 'e' : 'a';
  return word.slice(0, at) + c + word.slice(at + 1);
}

/**
 * 230 queries: 50 single words across the frequency range, 30 prefixes, 40
 * two-word queries, 30 phrases taken from the sources, 30 typos, 20
 * exclusions, and 30 words narrowed by a filter (`kind:`, `type:`), last so
 * the others stay what they were.
 */
function benchQueries(words: string[], entityNames: string[], sources: SourceWithBody[], rand: () => number): { text: string; kind: QueryKind }[] {
  const content = (from: number, to: number) => words[from + Math.floor(rand() * (to - from))]!;
  const anyWord = () => (rand() < 0.3 ? content(FUNCTION_WORDS.length, 300) : rand() < 0.5 ? content(300, 5000) : content(5000, words.length));
  const long = (pick: () => string) => {
    for (;;) {
      const w = pick();
      if (w.length >= 6) return w;
    }
  };
  const q: string[] = [];
  for (let i = 0; i < 45; i++) q.push(anyWord());
  for (let i = 0; i < 5 && entityNames.length > 0; i++) q.push(entityNames[Math.floor(rand() * entityNames.length)]!.split(' ')[0]!);
  for (let i = 0; i < 30; i++) {
    const w = long(anyWord);
    q.push(w.slice(0, 3 + Math.floor(rand() * 2)));
  }
  for (let i = 0; i < 40; i++) q.push(`${anyWord()} ${anyWord()}`);
  for (let i = 0; i < 30; i++) {
    const text = sources[Math.floor(rand() * sources.length)]!.text;
    const at = Math.floor(rand() * (text.length - 200));
    const slice = text.slice(at, at + 200).split(/[^A-Za-z]+/).filter(Boolean).map((w) => w.toLowerCase());
    const n = 2 + Math.floor(rand() * 2);
    // Start on a word people would search for: nobody looks up "of the".
    const from = 1 + Math.max(0, slice.slice(1).findIndex((w) => !COMMON.has(w)));
    q.push(`"${slice.slice(from, from + n).join(' ')}"`);
  }
  for (let i = 0; i < 30; i++) q.push(typo(long(() => content(60, 8000)), rand));
  for (let i = 0; i < 20; i++) q.push(`${content(60, 2000)} -${content(60, 2000)}`);
  // Counted from the end: the single words are fewer in a corpus without entities.
  const tail: QueryKind[] = [30, 40, 30, 30, 20].flatMap((n, i) => new Array<QueryKind>(n).fill((['prefix', 'word', 'phrase', 'fuzzy', 'word'] as const)[i]!));
  const labelled = q.map((text, i) => ({ text, kind: i < q.length - tail.length ? ('word' as const) : tail[i - (q.length - tail.length)]! }));
  const filters = ['kind:source', 'type:pdf', 'kind:note', 'kind:entity'];
  for (let i = 0; i < 30; i++) labelled.push({ text: `${content(60, 3000)} ${filters[i % filters.length]}`, kind: 'filtered' });
  return labelled;
}
