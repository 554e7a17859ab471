import { tokenize } from './tokens';

/**
 * The few lines a hit shows: a window of the passage around the place where
 * most of the query's distinct words meet, cut at word boundaries, with the
 * matching words (and whole phrases) marked by offsets into the snippet text.
 */

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text`. */
  highlights: [number, number][];
}

export interface SnippetResult {
  snippet: Snippet;
  /** The first highlighted match inside the window, in the target text's offsets; undefined when nothing matched. */
  match?: [number, number];
}

export const SNIPPET_WIDTH = 220;
const LEAD = 60;
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;
const ASCII_WORD = /^[A-Za-z0-9']+$/;

/** The word as the index folds it (the ASCII fast path gives what `tokenize` would). */
function foldWord(word: string): string[] {
  if (ASCII_WORD.test(word)) return [word.toLowerCase().replace(/'s$/, '').replace(/'/g, '')];
  return tokenize(word);
}

interface Match {
  start: number;
  end: number;
  /** What it matched: a term, or a phrase's index as "\0" + n. */
  what: string;
}

const NON_ASCII = /[^\x00-\x7f]/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pattern for all of a search's terms, built once per search: scanning a
 * passage with it is much faster than folding every word of the passage.
 */
export function termPattern(terms: Iterable<string>): RegExp | undefined {
  const list = [...terms].sort((a, b) => b.length - a.length).map(escape);
  if (list.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.join('|')})(?:['\u2019]s)?(?![\\p{L}\\p{N}'\u2019])`, 'giu');
}

/** Matches of `terms` (folded index terms) and the given phrase ranges within `text[from, to)`, in order. */
function findMatches(
  text: string,
  from: number,
  to: number,
  terms: ReadonlySet<string>,
  pattern: RegExp | undefined,
  phraseRanges: readonly [number, number][],
): Match[] {
  const matches: Match[] = phraseRanges.map(([start, end], i) => ({ start, end, what: `\0${i}` }));
  const inPhrase = (start: number, end: number) => phraseRanges.some(([s, e]) => start >= s && end <= e);
  const slice = text.slice(from, to);
  // Accented or compatibility characters fold to other lengths: fold word by word there.
  const scan = NON_ASCII.test(slice) || !pattern ? WORD : pattern;
  scan.lastIndex = 0;
  for (let m = scan.exec(slice); m; m = scan.exec(slice)) {
    const folded = foldWord(m[0]);
    if (scan === WORD && !folded.some((t) => terms.has(t))) continue;
    const start = from + m.index;
    const end = start + m[0].length;
    if (!inPhrase(start, end)) matches.push({ start, end, what: folded.join(' ') });
    if (matches.length >= 500) break;
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** The match that starts the window holding the most distinct matched words, a whole phrase counting most. */
function bestStart(matches: Match[], width: number): number {
  let best = 0;
  let bestScore = 0;
  for (let i = 0; i < matches.length; i++) {
    const limit = matches[i]!.start - LEAD + width;
    const seen = new Set<string>();
    for (let j = i; j < matches.length && matches[j]!.end <= limit; j++) seen.add(matches[j]!.what);
    let score = seen.size;
    for (const what of seen) if (what.startsWith('\0')) score += 10;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

export function buildSnippet(
  text: string,
  from: number,
  to: number,
  terms: ReadonlySet<string>,
  phraseRanges: readonly [number, number][] = [],
  pattern: RegExp | undefined = termPattern(terms),
  width = SNIPPET_WIDTH,
): SnippetResult {
  const matches = findMatches(text, from, to, terms, pattern, phraseRanges);
  const first = matches.length > 0 ? matches[bestStart(matches, width)]! : undefined;
  let start = first ? Math.max(from, first.start - LEAD) : from;
  let end = Math.min(to, start + width);
  if (end === to) start = Math.max(from, Math.min(start, to - width));
  // Cut at word boundaries: forward to the next space at the start, back to the last at the end.
  if (start > from) {
    const space = text.slice(start, first ? first.start : end).search(/\s/);
    if (space !== -1) start += space + 1;
  }
  if (end < to) {
    const tail = text.slice(first ? Math.max(first.end, start) : start, end);
    const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
    if (space > 0) end = end - tail.length + space;
  }
  const lead = start > from ? '… ' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const trail = end < to ? ' …' : '';
  const highlights: [number, number][] = [];
  let last: Match | undefined;
  for (const m of matches) {
    if (m.start < start || m.end > end) continue;
    const mark: [number, number] = [lead.length + m.start - start, lead.length + m.end - start];
    // Words of the query that stand together in the text (a line break between them too) read as one phrase.
    if (last && adjacent(text, last, m)) highlights[highlights.length - 1]![1] = mark[1];
    else highlights.push(mark);
    last = m;
  }
  // The jump goes to the whole run of words the first match starts.
  let matchEnd = first?.end;
  if (first) for (let i = matches.indexOf(first) + 1; i < matches.length && adjacent(text, matches[i - 1]!, matches[i]!); i++) matchEnd = Math.max(matchEnd!, matches[i]!.end);
  return { snippet: { text: lead + body + trail, highlights }, ...(first ? { match: [first.start, matchEnd!] as [number, number] } : {}) };
}

/** Two matches with only whitespace (a space, a printed line break) between them. */
function adjacent(text: string, a: Match, b: Match): boolean {
  return b.start > a.end && b.start - a.end <= 8 && /^\s+$/.test(text.slice(a.end, b.start));
}
