import type { TaggedWord } from './extract-tagger';

/**
 * The extractor's own word and sentence splitter: one regular expression
 * over the text, no model. Measured against wink-nlp's and compromise's
 * tagging in context (docs/extraction-notes.md), it found the same names at
 * many times the speed: the rules only need words, their offsets and where
 * sentences start, plus what a capitalised word is on its own, which the
 * tagger's lexicon answers (extract-wink.ts).
 *
 * A word: "U.S." (letters with periods), or letters and digits joined by
 * hyphens, apostrophes and ampersands ("Felbab-Brown", "Mexico's", "AT&T").
 * A sentence starts after ".", "!", "?", "…" or ":" (closing quotes and
 * brackets between), unless the period ends an initial ("John A. Cassara")
 * or an abbreviated title ("Dr. Jane Doe", "St. Louis").
 */
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’&-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** Abbreviations whose period does not end a sentence. */
const NO_BREAK_AFTER = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt', 'adm',
  'cmdr', 'rev', 'fr', 'hon', 'amb', 'supt', 'insp', 'det', 'st', 'mt', 'ft', 'pt', 'jr', 'sr', 'no', 'vs', 'v', 'etc', 'inc',
  'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'approx', 'dept',
  'e.g', 'i.e', 'al', 'ave', 'blvd', 'rd',
]);

const BREAK = /[.!?…:]["'”’)\]]*\s*$/u;

/** Does the text between two words (and the word before) end a sentence? */
function endsSentence(text: string, previousStart: number, previousEnd: number, gap: string): boolean {
  if (!BREAK.test(gap)) return false;
  if (gap[0] !== '.') return true;
  const previous = text.slice(previousStart, previousEnd);
  // An initial ("A." in "John A. Cassara") or a title ("Dr.") runs on into the name after it.
  if (/^\p{Lu}$/u.test(previous)) return false;
  return !NO_BREAK_AFTER.has(previous.toLowerCase());
}

/** The words of `text` with their offsets and sentence starts; every tag is UNK (no tagger in context). */
export function splitWords(text: string): TaggedWord[] {
  const words: TaggedWord[] = [];
  let previousStart = 0;
  let previousEnd = -1;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    // Most words follow a single space: no sentence ends there.
    const plainGap = start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32;
    const sentenceStart = previousEnd === -1 || (!plainGap && endsSentence(text, previousStart, previousEnd, text.slice(previousEnd, Math.min(start, previousEnd + 16))));
    words.push({ start, end, pos: 'UNK', sentenceStart });
    previousStart = start;
    previousEnd = end;
  }
  return words;
}
