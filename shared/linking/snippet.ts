/**
 * A short excerpt around `text[start, end)`, cut at word boundaries, with
 * ellipses where it was cut, so a backlink reads as a passage, not a fragment.
 */
export function snippetAround(text: string, start: number, end: number, radius = 80): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const gap = text.slice(from, start).search(/\s/);
    if (gap !== -1) from += gap + 1;
  }
  if (to < text.length) {
    const after = text.slice(end, to);
    const gap = Math.max(after.lastIndexOf(' '), after.lastIndexOf('\n'), after.lastIndexOf('\t'));
    if (gap > 0) to = end + gap;
  }
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
}

/** A snippet with the place of the name in it, for showing the name highlighted. */
export interface Passage {
  /** The name's offsets in the document, to open the source there. */
  start: number;
  end: number;
  /** The snippet as snippetAround writes it. */
  text: string;
  /** Where the name is in `text`: text.slice(markStart, markEnd) is the name as written (spaces collapsed). */
  markStart: number;
  markEnd: number;
}

/** snippetAround, and where in it the range is. */
export function passageAround(text: string, start: number, end: number, radius = 80): Passage {
  const snippet = snippetAround(text, start, end, radius);
  const name = text.slice(start, end).replace(/\s+/g, ' ').trim();
  // The snippet is the text around the range with spaces collapsed: the range's words are
  // where the collapsed text before the range ends.
  let from = Math.max(0, start - radius);
  if (from > 0) {
    const gap = text.slice(from, start).search(/\s/);
    if (gap !== -1) from += gap + 1;
  }
  const before = `${from > 0 ? '… ' : ''}${text.slice(from, start).replace(/\s+/g, ' ').trimStart()}`;
  const markStart = snippet.startsWith(before) ? before.length : Math.max(0, snippet.indexOf(name));
  return { start, end, text: snippet, markStart, markEnd: Math.min(snippet.length, markStart + name.length) };
}
