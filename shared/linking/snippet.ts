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
