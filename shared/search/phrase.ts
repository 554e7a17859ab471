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
