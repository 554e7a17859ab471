import type { TextRange } from '../model/source';

/**
 * A PDF's text as paragraphs. The stored text has one line per printed line
 * (what pdf.js read, see electron/services/import/pdf/pdfjs.ts), with the
 * running headers, footers and page numbers of every page inline. The
 * reflowed reader and a quote's display text read it as a person would:
 * lines joined into paragraphs, words hyphenated at a line end joined again,
 * and the lines that repeat at the edges of most pages left out.
 *
 * The stored text is never changed: a paragraph is a list of pieces, each a
 * range of the stored text shown as it is (a line break inside a piece shows
 * as a space), so offsets — mentions, citations, search hits, a selection —
 * stay exact. What lies between two pieces (a hyphen and its line break, a
 * footer and the next page's header) is hidden, and a piece says what shows
 * in its place: nothing after a joined hyphen, a space otherwise.
 *
 * Only the text is read (the importer keeps no positions), so paragraphs are
 * found from line lengths, punctuation and list markers; see `breakBetween`.
 */

export interface ReflowPiece {
  start: number;
  end: number;
  /** What shows before this piece inside its paragraph: '' after a hyphen joined back, ' ' after hidden lines. The first piece's is ''. */
  joiner: '' | ' ';
}

export interface ReflowBlock {
  /** 1-based page of the block's first piece. */
  page: number;
  pieces: ReflowPiece[];
}

export interface Reflow {
  blocks: ReflowBlock[];
  /** Running headers, footers and page numbers left out, in order. */
  hidden: TextRange[];
}

interface Line {
  start: number;
  end: number;
  text: string;
  /** 0-based page. */
  page: number;
}

/** How many lines at the top and at the bottom of a page may be a running header or footer. */
const EDGE_LINES = 3;
/** Longer lines are body text, never a running header. */
const MAX_RUNNING_LINE = 120;

const HYPHEN_AT_END = /\p{L}[-\u2010\u00ad]$/u;
const STARTS_LOWER = /^\p{Ll}/u;
const ENDS_SENTENCE = /[.!?:;…"”’)\]]$/u;
const STARTS_NEW = /^[\p{Lu}\p{N}"“‘'([]/u;
const LIST_MARKER = /^(?:[•◦▪‣●○■□–—*·-]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|\([ivx]{1,5}\)\s)/u;
const ROMAN = /^[ivxlcdm]{1,7}$/i;

function linesOf(text: string, pages: readonly TextRange[]): Line[][] {
  return pages.map((range, page) => {
    const lines: Line[] = [];
    let at = range.start;
    while (at < range.end) {
      let end = text.indexOf('\n', at);
      if (end === -1 || end > range.end) end = range.end;
      const raw = text.slice(at, end);
      // Lines are trimmed by the importer; be safe with anything else.
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) lines.push({ start: at + lead, end: at + lead + trimmed.length, text: trimmed, page });
      at = end + 1;
    }
    return lines;
  });
}

/** A line's shape, whatever its page: digits (page numbers, dates) and case do not count. */
function signature(line: string): string | null {
  if (line.length > MAX_RUNNING_LINE) return null;
  const folded = line.toLowerCase().replace(/\s+/g, ' ').trim();
  if (ROMAN.test(folded)) return '#';
  return folded.replace(/\d+/g, '#');
}

/**
 * The lines at the top or bottom of a page whose shape recurs at the edges
 * of most pages (at least half, and at least two): running headers and
 * footers, "Page 3 of 12", a bare page number.
 */
function runningLines(pages: readonly Line[][]): Set<Line> {
  const hidden = new Set<Line>();
  if (pages.length < 2) return hidden;
  const edges = pages.map((lines) => {
    const zone = new Set([...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)]);
    return [...zone];
  });
  const pagesWith = new Map<string, number>();
  for (const zone of edges) {
    const seen = new Set<string>();
    for (const line of zone) {
      const sig = signature(line.text);
      if (sig !== null) seen.add(sig);
    }
    for (const sig of seen) pagesWith.set(sig, (pagesWith.get(sig) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  for (const zone of edges) {
    for (const line of zone) {
      const sig = signature(line.text);
      if (sig !== null && (pagesWith.get(sig) ?? 0) >= needed) hidden.add(line);
    }
  }
  return hidden;
}

/** The length of a full line on a page: most lines of running text are about this long. */
function typicalLength(lines: readonly Line[], fallback: number): number {
  if (lines.length < 5) return fallback;
  const lengths = lines.map((l) => l.text.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)]!;
}

/** Compounds written with a hyphen inside a line ("well-known"): their hyphen at a line end is kept. */
function hyphenatedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const m of text.matchAll(/\p{L}+[-\u2010]\p{L}+/gu)) words.add(m[0].toLowerCase().replace('\u2010', '-'));
  return words;
}

const lastWord = (line: string) => /\p{L}+(?=[-\u2010\u00ad]$)/u.exec(line)?.[0] ?? '';
const firstWord = (line: string) => /^\p{L}+/u.exec(line)?.[0] ?? '';

/**
 * Whether a new paragraph starts between two visible lines: the next line
 * opens a list item; or the line is short for its page and ends a sentence
 * (a paragraph's last line); or it is very short and the next starts like a
 * sentence (a heading, a line of an address). A short line before a
 * lower-case word is a line cut before a long word, and joins.
 */
function breakBetween(prev: Line, next: Line, typical: number): boolean {
  if (LIST_MARKER.test(next.text)) return true;
  const length = prev.text.length;
  if (length < typical * 0.8 && ENDS_SENTENCE.test(prev.text)) return true;
  if (length < typical * 0.6 && STARTS_NEW.test(next.text)) return true;
  return false;
}

export function reflowPages(text: string, pages: readonly TextRange[]): Reflow {
  const byPage = linesOf(text, pages);
  const running = runningLines(byPage);
  const all = byPage.flat();
  const documentTypical = typicalLength(all, 60);
  const typical = byPage.map((lines) => typicalLength(lines.filter((l) => !running.has(l)), documentTypical));
  const compounds = hyphenatedWords(text);

  const blocks: ReflowBlock[] = [];
  const hidden: TextRange[] = [];
  let block: ReflowBlock | null = null;
  let prev: Line | null = null;
  /** Whether a line was hidden since `prev`: the next piece cannot simply extend the last. */
  let gap = false;
  for (const line of all) {
    if (running.has(line)) {
      hidden.push({ start: line.start, end: line.end });
      gap = true;
      continue;
    }
    if (!block || !prev || breakBetween(prev, line, typical[prev.page]!)) {
      block = { page: line.page + 1, pieces: [{ start: line.start, end: line.end, joiner: '' }] };
      blocks.push(block);
    } else {
      const last = block.pieces[block.pieces.length - 1]!;
      const hyphen = HYPHEN_AT_END.test(prev.text) && STARTS_LOWER.test(line.text);
      const compound = `${lastWord(prev.text)}-${firstWord(line.text)}`.toLowerCase();
      const soft = prev.text.endsWith('\u00ad');
      if (hyphen) {
        // "inves-" + "tigation": the hyphen (unless the text writes "well-known" so) and the line break are hidden, nothing shows between.
        if (soft || !compounds.has(compound)) last.end = prev.end - 1;
        block.pieces.push({ start: line.start, end: line.end, joiner: '' });
      } else if (!gap && line.page === prev.page) {
        // The next line of the same run of text: the line break inside the piece shows as a space.
        last.end = line.end;
      } else {
        block.pieces.push({ start: line.start, end: line.end, joiner: ' ' });
      }
    }
    prev = line;
    gap = false;
  }
  return { blocks, hidden };
}

/**
 * The text of `[start, end)` as the reflowed view shows it: hidden lines
 * left out, hyphens joined, each paragraph's whitespace one space, paragraphs
 * separated by a blank line. A range that covers only hidden text reads as
 * its own words, cleaned.
 */
export function reflowedText(text: string, reflow: Reflow, start: number, end: number): string {
  const paragraphs: string[] = [];
  for (const block of blocksIn(reflow, start, end)) {
    let paragraph = '';
    for (const piece of block.pieces) {
      const from = Math.max(start, piece.start);
      const to = Math.min(end, piece.end);
      if (from >= to) continue;
      if (paragraph) paragraph += piece.joiner;
      paragraph += text.slice(from, to);
    }
    const clean = paragraph.replace(/\s+/g, ' ').trim();
    if (clean) paragraphs.push(clean);
  }
  return paragraphs.length ? paragraphs.join('\n\n') : cleanQuote(text.slice(start, end));
}

/** The blocks that hold some of `[start, end)`, found by binary search. */
function blocksIn(reflow: Reflow, start: number, end: number): ReflowBlock[] {
  const { blocks } = reflow;
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const last = blocks[mid]!.pieces[blocks[mid]!.pieces.length - 1]!;
    if (last.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: ReflowBlock[] = [];
  for (let i = lo; i < blocks.length && blocks[i]!.pieces[0]!.start < end; i++) found.push(blocks[i]!);
  return found;
}

/**
 * A quote as it should read without its source's layout: paragraphs where
 * the text has a blank line, every other line break a space, a word
 * hyphenated at a line end joined again (unless the quote itself writes it
 * with a hyphen elsewhere, "well-known"), whitespace collapsed.
 */
export function cleanQuote(quote: string): string {
  const compounds = hyphenatedWords(quote);
  return quote
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) =>
      paragraph
        .replace(/(\p{L}+)([-\u2010\u00ad])[ \t]*\n\s*(\p{Ll}\p{L}*)/gu, (whole, left: string, hyphen: string, right: string) =>
          hyphen === '\u00ad' || !compounds.has(`${left}-${right}`.toLowerCase()) ? left + right : `${left}-${right}`,
        )
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean)
    .join('\n\n');
}
