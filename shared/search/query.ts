import { ENTITY_TYPES } from '../model/entity';
import { SOURCE_FORMATS } from '../model/source';
import type { SearchKind } from './passages';
import { isStopword, tokenize } from './tokens';

/**
 * The search box's little language, parsed into plain data:
 *
 *   wuhan fent           words (all must match); the last one is a prefix while typing
 *   fent*                an explicit prefix anywhere
 *   "dual enforcement"   an exact phrase (checked word for word against the text)
 *   -heroin  -"dark web" exclusions, of a word or a phrase
 *   kind:note|source|entity   (plurals too)   type:Person  type:pdf
 *   after:2022-08  before:2023-04  (partial ISO dates; see `DateBound`)
 *
 * Anything else is read as words. Unbalanced quotes close at the end of the
 * input, unknown filters are words, and the parser never throws.
 */

export interface QueryTerm {
  /** Folded, as `tokenize` gives it. */
  text: string;
  prefix: boolean;
  /** A word of a phrase: no typo tolerance (the phrase check would refuse a near miss anyway). */
  exact?: boolean;
}

/**
 * A partial ISO date ("2023", "2023-04", "2023-04-17") as the first and last
 * day it covers, so that "after:2023" and an entity dated "2023-06" compare
 * by overlap.
 */
export interface DateBound {
  from: string;
  to: string;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Each phrase as its folded words, stopwords included. */
  phrases: string[][];
  excludedTerms: string[];
  excludedPhrases: string[][];
  /** Empty: every kind. */
  kinds: SearchKind[];
  /** Entity types or source formats, as written in the model ("Person", "pdf"). Empty: any. */
  types: string[];
  /** Documents dated (at least partly) on or after the start of this period. */
  after?: DateBound;
  /** Documents dated (at least partly) before the start of this period. */
  before?: DateBound;
}

const KINDS: Record<string, SearchKind> = {
  note: 'note',
  notes: 'note',
  source: 'source',
  sources: 'source',
  entity: 'entity',
  entities: 'entity',
};

const TYPE_NAMES = new Map<string, string>([
  ...ENTITY_TYPES.map((t) => [t.toLowerCase(), t] as const),
  ...SOURCE_FORMATS.map((f) => [f, f] as const),
]);

const ISO_PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** "2023-02" → { from: "2023-02-01", to: "2023-02-29" } (string comparison only needs an upper bound). */
export function dateBound(value: string): DateBound | undefined {
  const m = ISO_PARTIAL.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d && (Number(d) < 1 || Number(d) > 31)) return undefined;
  return { from: `${y}-${mo ?? '01'}-${d ?? '01'}`, to: `${y}-${mo ?? '12'}-${d ?? '31'}` };
}

interface RawToken {
  text: string;
  negated: boolean;
  quoted: boolean;
}

/** Splits on whitespace, keeping "quoted runs" whole; an open quote runs to the end. */
function rawTokens(input: string): RawToken[] {
  const tokens: RawToken[] = [];
  const s = input.replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    let negated = false;
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1]!)) {
      negated = true;
      i++;
    }
    if (s[i] === '"') {
      const close = s.indexOf('"', i + 1);
      const end = close === -1 ? s.length : close;
      tokens.push({ text: s.slice(i + 1, end), negated, quoted: true });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!) && s[j] !== '"') j++;
    tokens.push({ text: s.slice(i, j), negated, quoted: false });
    i = j;
  }
  return tokens;
}

/** Applies `key:value` to the query; false when it is no filter we know. */
function applyFilter(q: ParsedQuery, key: string, value: string): boolean {
  switch (key.toLowerCase()) {
    case 'kind':
    case 'in': {
      const kinds = value.split(/[|,]/).map((v) => KINDS[v.toLowerCase()]);
      if (kinds.length === 0 || kinds.some((k) => !k)) return false;
      for (const k of kinds as SearchKind[]) if (!q.kinds.includes(k)) q.kinds.push(k);
      return true;
    }
    case 'type': {
      const types = value.split(/[|,]/).map((v) => TYPE_NAMES.get(v.toLowerCase()));
      if (types.length === 0 || types.some((t) => !t)) return false;
      for (const t of types as string[]) if (!q.types.includes(t)) q.types.push(t);
      return true;
    }
    case 'after':
    case 'before': {
      const bound = dateBound(value);
      if (!bound) return false;
      q[key.toLowerCase() as 'after' | 'before'] = bound;
      return true;
    }
    default:
      return false;
  }
}

export function parseQuery(input: string): ParsedQuery {
  const q: ParsedQuery = { terms: [], phrases: [], excludedTerms: [], excludedPhrases: [], kinds: [], types: [] };
  if (typeof input !== 'string') return q;
  const stillTyping = input.length > 0 && !/[\s"]$/.test(input);
  const tokens = rawTokens(input);
  let lastPlainTerm: QueryTerm | undefined;

  tokens.forEach((token, index) => {
    if (token.quoted) {
      const words = tokenize(token.text);
      if (words.length === 0) return;
      if (token.negated) {
        if (words.length === 1) q.excludedTerms.push(words[0]!);
        else q.excludedPhrases.push(words);
      } else if (words.length === 1) {
        q.terms.push({ text: words[0]!, prefix: false });
      } else {
        q.phrases.push(words);
      }
      return;
    }
    const filter = /^([A-Za-z]+):(.+)$/.exec(token.text);
    if (filter && !token.negated && applyFilter(q, filter[1]!, filter[2]!)) return;

    const explicitPrefix = token.text.endsWith('*');
    const words = tokenize(token.text);
    if (token.negated) {
      // "-felbab-brown" excludes the pair, not every word on its own.
      if (words.length === 1) q.excludedTerms.push(words[0]!);
      else if (words.length > 1) q.excludedPhrases.push(words);
      return;
    }
    words.forEach((text, w) => {
      const last = w === words.length - 1;
      const term: QueryTerm = { text, prefix: last && explicitPrefix };
      q.terms.push(term);
      if (last && index === tokens.length - 1) lastPlainTerm = term;
    });
  });

  // The word being typed is a prefix: "fent" finds "fentanyl" before the user finishes it.
  if (stillTyping && lastPlainTerm) lastPlainTerm.prefix = true;
  return q;
}

/** Terms that narrow the candidates in the index: stopwords only count as prefixes. */
export function indexTerms(q: ParsedQuery): QueryTerm[] {
  const fromPhrases = q.phrases.flat().filter((w) => !isStopword(w)).map((text) => ({ text, prefix: false, exact: true }));
  const seen = new Set<string>();
  const out: QueryTerm[] = [];
  for (const t of [...q.terms, ...fromPhrases]) {
    if (!t.prefix && isStopword(t.text)) continue;
    const key = t.prefix ? `${t.text}*` : t.text;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  return out;
}

/** True when the query asks for nothing: no words, no phrases (filters alone find nothing). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return q.terms.length === 0 && q.phrases.length === 0;
}
