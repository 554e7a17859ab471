/**
 * Candidate entities in an imported source: the people, organisations and
 * places it names, for the review queue. Pure, with no Node or DOM API, so
 * the extraction worker runs it off the UI thread and tests run it in Node.
 * Words come from our own splitter (extract-split.ts); what a capitalised
 * word is on its own, from wink-nlp's lexicon (extract-wink.ts); names and
 * their types, from the rules of extract-spans.ts and the word lists and
 * gazetteer of extract-lexicon.ts and extract-words.ts. Measurements and the
 * choice of tagger: docs/extraction-notes.md.
 *
 * Decisions, so the queue shows names and not noise:
 * - Only capitalised words make names; lower-case descriptors are never part
 *   of one. "the Sinaloa cartel" yields "Sinaloa" (a place); "the Sinaloa
 *   Cartel" yields "Sinaloa Cartel" (an organisation). A leading "The" is
 *   dropped (unless the place is called so: "The Hague"), as is a
 *   possessive: "Mexico's" is Mexico.
 * - A name is typed by evidence: a company word at its end ("Golden Lotus
 *   Trading"), "port of" / "in" / "to" / "from" before a place, a role noun
 *   or a title before a person, a first name, a gazetteer entry. A sure type
 *   outweighs three guesses.
 * - Titles are dropped from people's names ("Sen. Ruben Gallego" → "Ruben
 *   Gallego"); a title alone ("President") is no one. A sentence-initial
 *   imperative is not part of a name ("Check Pacific Meridian Bank").
 * - "Gallego, Ruben" is turned round and merged with "Ruben Gallego"; its
 *   occurrence covers both words as written.
 * - Variants merge when they differ only in case, diacritics, periods and
 *   apostrophes ("U.S." = "US"), a middle initial or a legal form ("Co.,
 *   Ltd."); the most frequent form is the display name.
 * - A bare surname ("Milgram") counts as an occurrence of the one person in
 *   the document with that surname; when two people share it, it counts for
 *   neither (it is ambiguous, and a wrong link is worse than a missing one).
 * - A capitalised word that only its position explains (a sentence's first
 *   word, an all-caps line) never proposes a name on its own, but counts as
 *   an occurrence of a name found elsewhere. Headings and list items propose
 *   names only on firm evidence.
 * - Pronouns, months and weekdays, single function words and lone first
 *   names ("Will") are never candidates. All-caps words are acronyms of
 *   names (organisations; a few country acronyms are places) unless they are
 *   normative (MUST, NOT), formats (MIME, XML), words of the language, codes
 *   ("RFC 2045") or mostly on lines of code.
 * - Each candidate carries its evidence (mentions, and those capitalised in
 *   mid-sentence), which ranks the queue (candidateScore).
 * - A document is always read to its end; `Extraction` does it a slice at a
 *   time so the worker can report progress.
 * - Scripts without letter case (Chinese, Arabic) propose nothing: there is
 *   no capital to tell a name from a word.
 */
import type { CandidateType } from '../model/candidate';
import { paragraphChunks, type Chunk } from './extract-chunks';
import { CandidateCollector, type Evidence } from './extract-merge';
import { spansOf } from './extract-spans';
import type { Tagger } from './extract-tagger';
import { tokenizeChunk } from './extract-tokens';
import { winkLexiconTagger } from './extract-wink';
import { WordBook } from './extract-words';

export type { CandidateType } from '../model/candidate';
export type { Evidence } from './extract-merge';
export { candidateScore } from './extract-score';

export interface Candidate {
  /** Display form: "Ruben Gallego", no leading "the", no possessive, no title. */
  name: string;
  type: CandidateType;
  /** The folded name (foldText, whitespace collapsed), as entity name keys are folded: for remembering a rejection per case. */
  key: string;
  /** UTF-16 offsets of every occurrence; text.slice(start, end) is what was written. */
  occurrences: { start: number; end: number }[];
  /** What the document says for the name: the queue ranks by it (candidateScore). */
  evidence: Evidence;
}

export interface ExtractProgress {
  /** Characters read so far. */
  done: number;
  /** Characters in the document. */
  total: number;
}

export interface ExtractOptions {
  /** Called after each slice of the document is read. */
  onProgress?: (progress: ExtractProgress) => void;
  /** Words, sentences and word classes; the splitter with wink's lexicon unless a bench compares another. */
  tagger?: Tagger;
}

/** Any capital letter: a chunk without one cannot name anything. */
const HAS_CAPITAL = /\p{Lu}/u;

/** How much one step reads: a few hundred milliseconds of work, so progress moves and other requests get a turn. */
export const EXTRACTION_SLICE_CHARS = 256 * 1024;

const books = new WeakMap<Tagger, WordBook>();
const bookFor = (tagger: Tagger) => books.get(tagger) ?? books.set(tagger, new WordBook(tagger)).get(tagger)!;

/**
 * One document's extraction, read a slice at a time, always to its end: the
 * worker reads a slice, reports progress and lets other requests through
 * before the next one, so a long document costs time but is never cut
 * short. Names are decided once the whole text has been read, since a
 * sentence-initial word or a bare surname can only be resolved against the
 * names found anywhere in it.
 */
export class Extraction {
  private readonly collector = new CandidateCollector();
  private readonly chunks: Generator<Chunk>;
  private readonly tagger: Tagger;
  private readonly book: WordBook;
  private read = 0;
  private finished = false;

  constructor(private readonly text: string, tagger: Tagger = winkLexiconTagger) {
    if (typeof text !== 'string') throw new TypeError('Extraction needs the text of a document.');
    this.tagger = tagger;
    this.book = bookFor(tagger);
    this.chunks = paragraphChunks(text, text.length);
    if (text.length === 0) this.finished = true;
  }

  get progress(): ExtractProgress {
    return { done: this.finished ? this.text.length : this.read, total: this.text.length };
  }

  get done(): boolean {
    return this.finished;
  }

  /** Reads about `chars` more characters (whole paragraphs); returns true once the document is read to its end. */
  step(chars = EXTRACTION_SLICE_CHARS): boolean {
    const until = this.read + chars;
    while (!this.finished && this.read < until) {
      const next = this.chunks.next();
      if (next.done) {
        this.finished = true;
        break;
      }
      const chunk = next.value;
      this.read = chunk.start + chunk.text.length;
      if (!HAS_CAPITAL.test(chunk.text)) continue;
      try {
        this.collector.add(spansOf(tokenizeChunk(chunk.text, chunk.start, this.tagger, this.book), this.text));
      } catch {
        // A tagger failure on some odd paragraph costs that paragraph's names, never the import.
      }
    }
    return this.finished;
  }

  /** The candidates, best evidence first; reads whatever is left first. */
  candidates(): Candidate[] {
    while (!this.step()) {
      /* read to the end */
    }
    return this.collector.candidates(this.text);
  }
}

/** Every candidate name in `text`, read to its end, best evidence first. */
export function extractCandidates(text: string, options: ExtractOptions = {}): Candidate[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const extraction = new Extraction(text, options.tagger);
  while (!extraction.step()) options.onProgress?.(extraction.progress);
  options.onProgress?.(extraction.progress);
  return extraction.candidates();
}
