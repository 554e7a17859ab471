import { foldText } from '../linking/normalize';

/**
 * One tokenizer for documents and queries, so both sides of a match are cut
 * and folded alike: `foldText` (case, diacritics, NFKC), a possessive "'s" cut
 * off ("CCP's" is found by "ccp"), other apostrophes dropped ("don't" → "dont"),
 * then runs of letters and digits.
 */
const WORD = /[\p{L}\p{N}]+/gu;

export function tokenize(text: string): string[] {
  return foldText(text).replace(/'s(?![\p{L}\p{N}])/gu, '').replace(/'/g, '').match(WORD) ?? [];
}

/**
 * Words too common to narrow a search. They are not indexed (about a third of
 * English running text, so the index is much smaller and builds faster); a
 * query made only of them finds nothing, and phrases that contain them are
 * found by their other words, then checked word for word against the text.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or ' +
    'she so than that the their them then there these they this to was we were which with you'
  ).split(' '),
);

export const isStopword = (term: string): boolean => STOPWORDS.has(term);

/** The words of `text` the index keeps: tokens without stopwords. */
export function indexTokens(text: string): string[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t));
}
