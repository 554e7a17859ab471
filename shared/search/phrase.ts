import { foldText } from '../linking/normalize';

/**
 * Exact phrases are checked against the stored text, since the index keeps
 * no word positions (and no stopwords): the words in order, separated by
 * anything that is not a letter or digit, a possessive "'s" allowed after
 * each word ("CCP's business model" is found by "ccp business model"). A
 * PDF's stored text keeps its printed lines: words are separated by a line
 * break as by a space, and a word hyphenated at a line end is found whole.
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word printed in two parts, hyphenated at a line end ("inves-" / "tigation"), is still the word. */
const LINE_END_HYPHEN = '(?:[-\\u2010\\u00ad]\\n)?';
const word = (w: string) => [...w].map(escape).join(LINE_END_HYPHEN);

export function phrasePattern(words: readonly string[]): RegExp {
  const body = words.map(word).join(`(?:['\u2019]s)?[^\\p{L}\\p{N}]+`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?:['\u2019]s)?(?![\\p{L}\\p{N}])`, 'giu');
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * The ranges of `text[from, to)` where the phrase occurs, in `text`'s offsets.
 * Text with accents or compatibility characters is also tried folded; such a
 * match counts but has no range (folding can change lengths).
 */
export function findPhrase(pattern: RegExp, text: string, from = 0, to = text.length): { found: boolean; ranges: [number, number][] } {
  const slice = text.slice(from, to);
  const ranges: [number, number][] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m; m = pattern.exec(slice)) {
    ranges.push([from + m.index, from + m.index + m[0].length]);
    if (ranges.length >= 50) break;
  }
  if (ranges.length > 0) return { found: true, ranges };
  if (!NON_ASCII.test(slice)) return { found: false, ranges };
  pattern.lastIndex = 0;
  const found = pattern.test(foldText(slice));
  pattern.lastIndex = 0;
  return { found, ranges };
}

/**
 * Text where the index's word positions and the pattern above may disagree:
 * a word hyphenated at a line end (one word to the pattern, two tokens), an
 * apostrophe inside a word other than a possessive "'s" ("O'Brien" is one
 * token, two words to the pattern), combining marks (the pattern sees a
 * boundary, folding removes it), and characters beyond Latin, Greek and
 * Cyrillic letters and common punctuation, where compatibility folding may
 * join or split words ("™", ligatures, full-width forms). Rare in ordinary
 * prose; for such a passage positions never rule a phrase out and the text
 * decides, as before positions were kept.
 */
const POSITIONS_MAY_DISAGREE = /[-\u2010\u00ad]\n|[\p{L}\p{N}]['\u2018\u2019\u201a\u201b\u2032-\u2034](?!s(?![\p{L}\p{N}]))[\p{L}\p{N}]|\p{M}|[^\x00-\u024f\u0370-\u03ff\u0400-\u04ff\u2000-\u2031\u2035-\u206f]/u;

/** Whether the word positions of `text` can rule a phrase out (see `POSITIONS_MAY_DISAGREE`). */
export const positionsAgree = (text: string): boolean => !POSITIONS_MAY_DISAGREE.test(text);
