import nlp from 'compromise';
import { FUNCTION_WORDS } from './extract-lexicon';
import { foldText } from './normalize';

/**
 * One word of a chunk as the span builder sees it: compromise's term, placed
 * back onto the original text, with "Felbab-Brown" joined into one word,
 * "Fredricks/The" split into two, and a possessive "'s" kept out of the name.
 */
export interface Token {
  /** UTF-16 offsets into the whole document of the name part of the word. */
  start: number;
  end: number;
  /** The name part as written: document.slice(start, end). */
  text: string;
  tags: ReadonlySet<string>;
  /** The word carried a possessive ("Mexico's"): a name ends here. */
  possessive: boolean;
  /** First word of a sentence or line, where capitals prove nothing. */
  sentenceStart: boolean;
  line: LineKind;
  /** What separates this word from the next one (at most a few characters; longer gaps are cut). */
  gapAfter: string;
}

/**
 * Body text; a title-case heading ("China's Dual Enforcement Standard"),
 * where every word is capitalised; or an all-caps line, where even case is
 * gone. Names in headings and shouting lines only count when the body
 * confirms them.
 */
export type LineKind = 'body' | 'heading' | 'shouting';

interface Word {
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  sentenceStart: boolean;
}

const NO_TAGS: ReadonlySet<string> = new Set();

/** compromise's own word list: word → tag or tags. */
const LEXICON = (nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon ?? {};

/**
 * In context the tagger may call "American" (of "American society") an
 * organisation; its lexicon still knows the word is a demonym, which no case
 * tracks as an entity.
 */
function withLexiconDemonym(text: string, tags: ReadonlySet<string>): ReadonlySet<string> {
  const entry = Object.hasOwn(LEXICON, text.toLowerCase()) ? LEXICON[text.toLowerCase()] : undefined;
  const isDemonym = entry === 'Demonym' || (Array.isArray(entry) && entry.includes('Demonym'));
  return isDemonym && !tags.has('Demonym') ? new Set([...tags, 'Demonym']) : tags;
}
const GAP_KEPT = 8;
const STARTS_UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}.&]+$/u;
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;

function classifyLine(line: string): LineKind {
  let cased = 0;
  let upper = 0;
  for (const char of line) {
    const lower = char.toLowerCase();
    const higher = char.toUpperCase();
    if (lower === higher) continue;
    cased += 1;
    if (char === higher) upper += 1;
  }
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (upper >= 8 && upper >= cased * 0.8 && words.filter((w) => /\p{L}.*\p{L}/u.test(w)).length >= 2) return 'shouting';
  const trimmed = line.trim().replace(/["'”’)\]]+$/u, '');
  if (words.length < 3 || words.length > 20 || /[.!?;:,…]$/u.test(trimmed)) return 'body';
  const content = words.filter((w) => !FUNCTION_WORDS.has(foldText(w).replace(/[^\p{L}]/gu, '')));
  const lowerCase = content.filter((w) => !/^\P{L}*\p{Lu}/u.test(w)).length;
  return content.length > 0 && lowerCase <= 1 && lowerCase <= content.length * 0.2 ? 'heading' : 'body';
}

/** Line kind for every line of the chunk, as [lineEnd, kind] in chunk offsets. */
function lineKinds(text: string): [number, LineKind][] {
  const lines: [number, LineKind][] = [];
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline;
    lines.push([to, classifyLine(text.slice(from, to))]);
    if (newline === -1) break;
    from = newline + 1;
  }
  return lines;
}

/**
 * Compromise's terms placed onto the chunk. Compromise keeps the text, but
 * offsets are re-found here by searching forward, so a term whose text does
 * not appear where expected is dropped rather than given a wrong offset.
 */
function taggedWords(text: string): Word[] {
  const words: Word[] = [];
  let cursor = 0;
  for (const sentence of nlp(text).docs) {
    let first = true;
    for (const term of sentence) {
      if (!term.text) continue; // an expanded contraction ("Mexico's" → "Mexico is") has no text of its own
      const expected = cursor + term.pre.length;
      let at = text.startsWith(term.text, expected) ? expected : -1;
      if (at === -1) {
        const found = text.slice(cursor, expected + term.text.length + 64).indexOf(term.text);
        at = found === -1 ? -1 : cursor + found;
      }
      if (at === -1) continue;
      words.push({ start: at, end: at + term.text.length, tags: term.tags ?? NO_TAGS, sentenceStart: first });
      first = false;
      cursor = at + term.text.length;
    }
  }
  return words;
}

/** "John Fredricks/The Epoch Times" is two names: split at slashes, keeping tags on the first part. */
function splitSlashes(text: string, words: Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    const slash = text.indexOf('/', word.start);
    if (slash === -1 || slash >= word.end) {
      out.push(word);
      continue;
    }
    let from = word.start;
    for (const part of text.slice(word.start, word.end).split('/')) {
      if (part) out.push({ start: from, end: from + part.length, tags: from === word.start ? word.tags : NO_TAGS, sentenceStart: false });
      from += part.length + 1;
    }
  }
  return out;
}

/** "Felbab-Brown" is one surname: join capitalised words around a bare hyphen (not "U.S.-China"). */
function joinHyphenated(text: string, words: Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    const previous = out[out.length - 1];
    const left = previous ? text.slice(previous.start, previous.end) : '';
    const right = text.slice(word.start, word.end);
    const joinable =
      previous !== undefined &&
      word.start === previous.end + 1 &&
      text[previous.end] === '-' &&
      STARTS_UPPER.test(right) &&
      (STARTS_UPPER.test(left) || left === 'al' || left === 'el') &&
      !ALL_CAPS.test(left) &&
      !ALL_CAPS.test(right);
    if (joinable) {
      out[out.length - 1] = {
        start: previous.start,
        end: word.end,
        tags: new Set([...previous.tags, ...word.tags]),
        sentenceStart: previous.sentenceStart,
      };
    } else {
      out.push(word);
    }
  }
  return out;
}

/** Tags and places every word of one chunk; `offset` is the chunk's place in the document. */
export function tokenizeChunk(text: string, offset: number): Token[] {
  const words = joinHyphenated(text, splitSlashes(text, taggedWords(text)));
  const lines = lineKinds(text);
  let lineIndex = 0;
  const tokens: Token[] = [];
  words.forEach((word, index) => {
    while ((lines[lineIndex]?.[0] ?? Infinity) < word.start) lineIndex += 1;
    const written = text.slice(word.start, word.end);
    const possessive = POSSESSIVE.exec(written);
    const nameEnd = possessive && possessive.index > 0 ? word.start + possessive.index : word.end;
    const nextStart = words[index + 1]?.start ?? text.length;
    const gapBefore = index === 0 ? '' : text.slice(words[index - 1]!.end, word.start);
    tokens.push({
      start: offset + word.start,
      end: offset + nameEnd,
      text: text.slice(word.start, nameEnd),
      tags: withLexiconDemonym(text.slice(word.start, nameEnd), word.tags),
      possessive: nameEnd !== word.end,
      sentenceStart: word.sentenceStart || index === 0 || gapBefore.includes('\n'),
      line: lines[lineIndex]?.[1] ?? 'body',
      gapAfter: text.slice(word.end, Math.min(nextStart, word.end + GAP_KEPT)),
    });
  });
  return tokens;
}
