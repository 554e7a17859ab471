import type { Pos, TaggedWord, Tagger } from './extract-tagger';
import { FUNCTION_WORDS } from './extract-lexicon';
import { type WordBook } from './extract-words';

/**
 * One word of a chunk as the span builder sees it: the tagger's word, placed
 * back onto the original text, with "Felbab-Brown" joined into one word,
 * "Fredricks/The" split into two, and a possessive "'s" kept out of the name.
 * Punctuation is not a token; what lies between two words is `gapAfter`.
 */
export interface Token {
  /** UTF-16 offsets into the whole document of the name part of the word. */
  start: number;
  end: number;
  /** The name part as written: document.slice(start, end). */
  text: string;
  /** Folded, without a trailing period: the key of every word list. */
  readonly bare: string;
  /** What the word is on its own (extract-words.ts). */
  readonly flags: number;
  /** The tagger's tag in context. */
  pos: Pos;
  entity?: TaggedWord['entity'];
  /** The word carried a possessive ("Mexico's"): a name ends here. */
  possessive: boolean;
  /** First word of a sentence, line or list item, where capitals prove nothing. */
  sentenceStart: boolean;
  line: LineKind;
  /** The line looks like code, markup or a mail header, where capitals are syntax. */
  code: boolean;
  /** What separates this word from the next one (at most a few characters; longer gaps are cut). */
  gapAfter: string;
}

/**
 * Body text; a title-case heading ("China's Dual Enforcement Standard"),
 * where every word is capitalised; or an all-caps line, where even case is
 * gone. Names in headings and shouting lines need more evidence than in
 * the body.
 */
export type LineKind = 'body' | 'heading' | 'shouting';

interface Word {
  start: number;
  end: number;
  pos: Pos;
  entity?: TaggedWord['entity'];
  sentenceStart: boolean;
}

const GAP_KEPT = 8;
const STARTS_UPPER = /^\p{Lu}/u;
const ALL_CAPS = /^[\p{Lu}.&]+$/u;
const POSSESSIVE = /(?:['’]s|(?<=s)['’])$/u;
const POSSESSIVE_TOKEN = /^['’]s?$/u;
const WORDLIKE = /[\p{L}\p{N}]/u;
/** A list item's marker: "-", "*", "•", "1.", "a)", "(iv)". */
const LIST_MARKER = /^[ \t]*(?:[-*•·–—▪►✓]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])[ \t]+/u;

const UPPER_CHAR = /\p{Lu}/u;
const LOWER_CHAR = /\p{Ll}/u;

/** Capital and small letters in a line (ASCII counted directly; this runs on every line of every document). */
function letterCases(line: string): { upper: number; lower: number } {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code >= 65 && code <= 90) upper += 1;
    else if (code >= 97 && code <= 122) lower += 1;
    else if (code > 127) {
      const char = line[i]!;
      if (UPPER_CHAR.test(char)) upper += 1;
      else if (LOWER_CHAR.test(char)) lower += 1;
    }
  }
  return { upper, lower };
}

function classifyLine(line: string): LineKind {
  if (line.length > 400) return 'body'; // a paragraph on one line: neither a heading nor a shout
  const { upper, lower } = letterCases(line);
  // Too few capitals to shout, and a sentence's end: a heading has none.
  if (upper === 0 || (upper < 8 && /[.!?;:,…]["'”’)\]]*\s*$/u.test(line))) return 'body';
  const cased = upper + lower;
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (upper >= 8 && upper >= cased * 0.8 && words.filter((w) => /\p{L}.*\p{L}/u.test(w)).length >= 2) return 'shouting';
  const trimmed = line.trim().replace(/["'”’)\]]+$/u, '');
  if (words.length < 3 || words.length > 20 || /[.!?;:,…]$/u.test(trimmed)) return 'body';
  const content = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  const lowerCase = content.filter((w) => !/^\P{L}*\p{Lu}/u.test(w)).length;
  return content.length > 0 && lowerCase <= 1 && lowerCase <= content.length * 0.2 ? 'heading' : 'body';
}

/**
 * Code, markup, mail headers, key=value settings: where "MIME", "XML" or
 * "NULL" are syntax, not names. Looks for the marks such lines carry; prose
 * rarely has two of them.
 */
export function isCodeLine(line: string): boolean {
  // A paragraph written on one line is prose; code and headers come in short lines.
  if (line.length > 400) return false;
  const trimmed = line.trim();
  if (!trimmed || !CODE_MARKS.test(trimmed)) return false;
  if (/^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+:\s/.test(trimmed)) return true; // "Content-Type: text/plain"
  if (/<\/?[A-Za-z][\w:-]*(?:\s[^>]*)?\/?>|<!|<\?/.test(trimmed)) return true; // markup
  if (/^(?:[$>#]\s|import\s|export\s|from\s\S+\simport|def\s|function\s|const\s|let\s|var\s|class\s|return\s|if\s*\(|for\s*\(|#include|@\w+\()/.test(trimmed)) return true;
  let marks = 0;
  if (/[{}]/.test(trimmed)) marks += 1;
  if (/;\s*$/.test(trimmed)) marks += 1;
  if (/\w=["'\w]/.test(trimmed)) marks += 1;
  if (/\w\(\S*\)/.test(trimmed)) marks += 1;
  if (/\w[._]\w+\(|\w+_\w+|::|=>|->|\/\//.test(trimmed)) marks += 1;
  const symbols = trimmed.replace(/[\p{L}\p{N}\s]/gu, '').length;
  if (symbols > trimmed.replace(/\s/g, '').length * 0.25) marks += 1;
  return marks >= 2;
}

/** Characters every code-like line has at least one of. */
const CODE_MARKS = /[{}<>;=_()$#:/\\|@[\]*]/;

interface LineInfo {
  /** Chunk offset where the line ends (its newline, or the chunk's end). */
  end: number;
  kind: LineKind;
  code: boolean;
  /** Chunk offset just past the list marker, if the line is a list item. */
  itemStart: number;
}

function linesOf(text: string): LineInfo[] {
  const lines: LineInfo[] = [];
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline;
    const line = text.slice(from, to);
    const marker = LIST_MARKER.exec(line);
    lines.push({ end: to, kind: classifyLine(line), code: isCodeLine(line), itemStart: marker ? from + marker[0].length : -1 });
    if (newline === -1) break;
    from = newline + 1;
  }
  return lines;
}

/**
 * The tagger's words placed onto the chunk, punctuation dropped, a
 * possessive "'s" token folded into the word before it.
 */
function taggedWords(text: string, tagger: Tagger): { words: Word[]; possessiveEnds: Set<number> } {
  const words: Word[] = [];
  const possessiveEnds = new Set<number>();
  let pendingStart = false;
  for (const word of tagger.tag(text)) {
    pendingStart ||= word.sentenceStart;
    // Most words start with an ASCII letter or digit: no need to look for a lone "'s" or punctuation.
    const first = text.charCodeAt(word.start);
    const plain = (first >= 97 && first <= 122) || (first >= 65 && first <= 90) || (first >= 48 && first <= 57);
    if (!plain) {
      const written = text.slice(word.start, word.end);
      if (POSSESSIVE_TOKEN.test(written) && words.length > 0 && words[words.length - 1]!.end === word.start) {
        possessiveEnds.add(word.start);
        continue;
      }
      if (!WORDLIKE.test(written)) continue;
    }
    // "Mr.", "A.", "Inc.": the period is punctuation after the word, as between any two words;
    // "U.S." keeps its periods, they are the word.
    const trailingPeriod = word.end - word.start > 1 && text[word.end - 1] === '.' && text.lastIndexOf('.', word.end - 2) < word.start;
    const end = trailingPeriod ? word.end - 1 : word.end;
    words.push({ start: word.start, end, pos: word.pos, entity: word.entity, sentenceStart: pendingStart });
    pendingStart = false;
  }
  return { words, possessiveEnds };
}

/** "John Fredricks/The Epoch Times" is two names: split at slashes, keeping the tag on the first part. */
function splitSlashes(text: string, words: Word[]): Word[] {
  const out: Word[] = [];
  for (const word of words) {
    let slash = -1;
    for (let i = word.start; i < word.end && slash === -1; i++) if (text.charCodeAt(i) === 47) slash = i;
    if (slash === -1) {
      out.push(word);
      continue;
    }
    let from = word.start;
    for (const part of text.slice(word.start, word.end).split('/')) {
      if (part) out.push({ ...word, start: from, end: from + part.length, sentenceStart: from === word.start && word.sentenceStart });
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
    if (joinable) out[out.length - 1] = { ...previous, end: word.end, entity: previous.entity ?? word.entity };
    else out.push(word);
  }
  return out;
}

/** Tags and places every word of one chunk; `offset` is the chunk's place in the document. */
export function tokenizeChunk(text: string, offset: number, tagger: Tagger, book: WordBook): Token[] {
  const tagged = taggedWords(text, tagger);
  const words = joinHyphenated(text, splitSlashes(text, tagged.words));
  const lines = linesOf(text);
  let lineIndex = 0;
  const tokens: Token[] = [];
  words.forEach((word, index) => {
    while ((lines[lineIndex]?.end ?? Infinity) < word.start) lineIndex += 1;
    const line = lines[lineIndex];
    const last = text.charCodeAt(word.end - 1);
    // Only a word ending in s, ' or ’ can carry a possessive.
    const possessive = tagged.possessiveEnds.has(word.end) || (last !== 115 && last !== 39 && last !== 0x2019) ? null : POSSESSIVE.exec(text.slice(word.start, word.end));
    const nameEnd = possessive && possessive.index > 0 ? word.start + possessive.index : word.end;
    const nextStart = words[index + 1]?.start ?? text.length;
    const gapBefore = index === 0 ? '' : text.slice(words[index - 1]!.end, word.start);
    const name = text.slice(word.start, nameEnd);
    const firstOfItem = line !== undefined && line.itemStart !== -1 && word.start >= line.itemStart && (index === 0 || words[index - 1]!.end <= line.itemStart);
    tokens.push(
      new ChunkToken(
        book,
        offset + word.start,
        offset + nameEnd,
        name,
        word.pos,
        word.entity,
        nameEnd !== word.end || tagged.possessiveEnds.has(word.end),
        word.sentenceStart || index === 0 || firstOfItem || (gapBefore.length > 0 && (gapBefore.includes('\n') || /[•|]\s*$/.test(gapBefore))),
        line?.kind ?? 'body',
        line?.code ?? false,
        text.slice(word.end, Math.min(nextStart, word.end + GAP_KEPT)),
      ),
    );
  });
  return tokens;
}

/**
 * A token whose word-list facts (bare, flags) are looked up when a rule first
 * asks: most words are lower-case prose no rule ever looks at.
 */
class ChunkToken implements Token {
  private known: { bare: string; flags: number } | undefined;

  constructor(
    private readonly book: WordBook,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly pos: Pos,
    readonly entity: TaggedWord['entity'],
    readonly possessive: boolean,
    readonly sentenceStart: boolean,
    readonly line: LineKind,
    readonly code: boolean,
    readonly gapAfter: string,
  ) {}

  get bare(): string {
    return (this.known ??= this.book.lookup(this.text)).bare;
  }

  get flags(): number {
    return (this.known ??= this.book.lookup(this.text)).flags;
  }
}
