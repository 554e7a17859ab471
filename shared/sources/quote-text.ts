import type { TextRange } from '../model/source';
import { cleanQuote, reflowedText, reflowPages } from './reflow';

/**
 * How a quote reads wherever it is shown (the note it is quoted into, the
 * exports), as opposed to what it is: the citation keeps the exact words of
 * the source (`quote`, checked against the stored text and its sha256),
 * while people read it without the page's layout — one paragraph where the
 * source broke lines, words hyphenated at a line end joined again.
 */

/**
 * The display text of `text[start, end)`. A paged source (a PDF) reads as
 * its reflowed view shows it, so a quote across a page break also leaves out
 * the running footer and header between; other sources are cleaned as they
 * are. Paragraphs are separated by a blank line.
 */
export function quoteDisplayText(text: string, pages: readonly TextRange[] | undefined, start: number, end: number): string {
  if (pages && pages.length > 0) return reflowedText(text, reflowPages(text, pages), start, end);
  return cleanQuote(text.slice(start, end));
}

/** A quote on one line (an endnote, a footnote): cleaned, its paragraphs marked with ¶. */
export function inlineQuote(quote: string): string {
  return cleanQuote(quote).replace(/\n\n/g, ' ¶ ');
}
