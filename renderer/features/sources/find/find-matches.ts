import type { TextRange } from '../../../../shared/model';

/** More matches than anyone steps through; the count then says "1000+". */
export const MAX_FIND_MATCHES = 1000;

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Inside a word: the word may be broken at a line end with a hyphen ("inves-\ntigation"). */
const LINE_END_HYPHEN = '(?:[-\\u2010\\u00ad][ \\t]*\\n\\s*)?';

/**
 * Find within a document: where the words typed occur in the stored text,
 * ignoring case, with any run of whitespace (a line break too) between
 * words, and a word found even where the printed page hyphenated it at a line
 * end. Offsets are the stored text's, so the reader paints them like any
 * other range. Matches inside `skip` (the running headers a reflowed PDF
 * does not show) are left out.
 */
export function findMatches(text: string, query: string, skip: readonly TextRange[] = []): { matches: TextRange[]; capped: boolean } {
  const words = query.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { matches: [], capped: false };
  const pattern = new RegExp(words.map((w) => [...w].map(escape).join(LINE_END_HYPHEN)).join('\\s+'), 'giu');
  const matches: TextRange[] = [];
  let s = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex += 1;
      continue;
    }
    const start = m.index;
    while (s < skip.length && skip[s]!.end <= start) s++;
    if (s < skip.length && skip[s]!.start <= start) continue;
    matches.push({ start, end: start + m[0].length });
    if (matches.length >= MAX_FIND_MATCHES) return { matches, capped: true };
  }
  return { matches, capped: false };
}
