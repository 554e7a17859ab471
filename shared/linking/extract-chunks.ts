/**
 * Cuts a document into paragraph-sized pieces for the tagger. A name never
 * spans a blank line, so paragraphs lose nothing; the size cap keeps the
 * tagger's working memory small and its cost linear, whatever the input
 * looks like (a 1 MB line with no spaces is just many capped chunks).
 */

export interface Chunk {
  /** UTF-16 offset of the chunk in the document. */
  start: number;
  text: string;
}

/** Long enough for any real paragraph, short enough to tag in a few tens of milliseconds. */
export const MAX_CHUNK_CHARS = 8_000;

const PARAGRAPH_BREAK = /\n[ \t\r\f\v]*\n/g;

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * Where to cut a too-long paragraph: the last line end, else the last
 * sentence end, else the last space in the second half of the window; a hard
 * cut only when there is none (one giant token).
 */
function cutPoint(text: string, from: number, limit: number): number {
  const windowStart = from + (limit >> 1);
  const windowEnd = from + limit;
  const newline = text.lastIndexOf('\n', windowEnd - 1);
  if (newline >= windowStart) return newline + 1;
  for (let i = windowEnd - 2; i >= windowStart; i--) {
    if ('.!?'.includes(text[i] ?? 'x') && isSpace(text[i + 1])) return i + 2;
  }
  for (let i = windowEnd - 1; i >= windowStart; i--) if (isSpace(text[i])) return i + 1;
  // Never split a surrogate pair: an emoji cut in half is two garbage characters.
  const code = text.charCodeAt(windowEnd);
  return code >= 0xdc00 && code <= 0xdfff ? windowEnd - 1 : windowEnd;
}

/** The paragraphs of `text` that start before `maxChars`, each at most MAX_CHUNK_CHARS long. */
export function* paragraphChunks(text: string, maxChars: number): Generator<Chunk> {
  const end = Math.min(text.length, Math.max(0, maxChars));
  let paragraphStart = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  while (paragraphStart < end) {
    const found = PARAGRAPH_BREAK.exec(text);
    const paragraphEnd = Math.min(found ? found.index : text.length, end);
    let from = paragraphStart;
    while (from < paragraphEnd) {
      const to = paragraphEnd - from > MAX_CHUNK_CHARS ? cutPoint(text, from, MAX_CHUNK_CHARS) : paragraphEnd;
      const piece = text.slice(from, to);
      if (piece.trim()) yield { start: from, text: piece };
      from = to;
    }
    if (!found) break;
    paragraphStart = found.index + found[0].length;
  }
}
