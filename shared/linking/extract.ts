/**
 * Candidate entities in an imported source: the people, organisations and
 * places it names, for the review queue. Pure and synchronous, with no Node
 * API, so the linker worker runs it off the UI thread and tests run it in
 * Node. The tagging is compromise's (offline, no model download); this module
 * and its extract-* helpers decide what counts as a name.
 *
 * Decisions, so the queue shows names and not noise:
 * - Only capitalised words make names; lower-case descriptors are never part
 *   of one. "the Sinaloa cartel" yields "Sinaloa" (a place); "the Sinaloa
 *   Cartel" yields "Sinaloa Cartel" (an organisation). A leading "The" is
 *   always dropped, as is a possessive: "Mexico's" is Mexico.
 * - Titles are dropped from people's names ("Sen. Ruben Gallego" → "Ruben
 *   Gallego"); a title alone ("President") is no one.
 * - "Gallego, Ruben" is turned round and merged with "Ruben Gallego"; its
 *   occurrence covers both words as written.
 * - Variants merge when they differ only in case, diacritics, periods and
 *   apostrophes ("U.S." = "US") or a middle initial; the most frequent form
 *   is the display name.
 * - A bare surname ("Milgram") counts as an occurrence of the one person in
 *   the document with that surname; when two people share it, it counts for
 *   neither (it is ambiguous, and a wrong link is worse than a missing one).
 * - A capitalised word that only its position explains (a sentence's first
 *   word, a title-case heading, an all-caps line) never proposes a name, but
 *   counts as an occurrence of a name found elsewhere in the document.
 * - Pronouns, months and weekdays, single function words and lone first
 *   names ("Will") are never candidates. Acronyms are organisations, except
 *   a few country acronyms (US, UK) which are places.
 * - Scripts without letter case (Chinese, Arabic) propose nothing: there is
 *   no capital to tell a name from a word.
 */
import type { CandidateType } from '../model/candidate';
import { paragraphChunks } from './extract-chunks';
import { CandidateCollector } from './extract-merge';
import { spansOf } from './extract-spans';
import { tokenizeChunk } from './extract-tokens';

export type { CandidateType } from '../model/candidate';

export interface Candidate {
  /** Display form: "Ruben Gallego", no leading "the", no possessive, no title. */
  name: string;
  type: CandidateType;
  /** The folded name (foldText, whitespace collapsed), as entity name keys are folded: for remembering a rejection per case. */
  key: string;
  /** UTF-16 offsets of every occurrence; text.slice(start, end) is what was written. */
  occurrences: { start: number; end: number }[];
}

export interface ExtractOptions {
  /**
   * Only the first maxChars characters are read. Tagging prose costs roughly
   * 10–30 seconds per million characters on one core; the cap keeps a pasted
   * log or a 1,000-page dump from occupying the worker for minutes, while
   * covering any ordinary document (2 million characters is a long book).
   * Names past the cap are still found by the linker once they are entities.
   */
  maxChars?: number;
  /**
   * Stop reading after this many milliseconds and return what was found so
   * far. Unset by default so results are deterministic; the worker may set it
   * so that a dense document (tagging cost follows the number of words, and a
   * list of "Mr. Mr. Mr." is four times denser than prose) cannot keep it busy.
   */
  maxMillis?: number;
}

export const DEFAULT_MAX_CHARS = 2_000_000;

const now = () => globalThis.performance?.now() ?? Date.now();

/** Any capital letter: a chunk without one cannot name anything. */
const HAS_CAPITAL = /\p{Lu}/u;

export function extractCandidates(text: string, options: ExtractOptions = {}): Candidate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const limit = options.maxChars;
  const maxChars = typeof limit === 'number' && limit >= 0 ? limit : DEFAULT_MAX_CHARS;
  const deadline = typeof options.maxMillis === 'number' ? now() + options.maxMillis : Infinity;
  const collector = new CandidateCollector();
  for (const chunk of paragraphChunks(text, maxChars)) {
    if (now() > deadline) break;
    if (!HAS_CAPITAL.test(chunk.text)) continue;
    try {
      collector.add(spansOf(tokenizeChunk(chunk.text, chunk.start), text));
    } catch {
      // A tagger failure on some odd paragraph costs that paragraph's names, never the import.
    }
  }
  return collector.candidates(text);
}
