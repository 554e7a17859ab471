/**
 * What the candidate extractor asks of a part-of-speech tagger, so the rules
 * (extract-spans.ts) do not depend on one library: the words of a chunk with
 * their offsets, where sentences start, and a Universal POS tag per word.
 * The app uses wink-nlp (extract-wink.ts); the bench plugs compromise in
 * through the same interface to compare them on the same rules.
 */

/** Universal POS tags (universaldependencies.org/u/pos), as wink-nlp writes them. */
export type Pos =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN'
  | 'PUNCT' | 'SCONJ' | 'SPACE' | 'SYM' | 'VERB' | 'X' | 'UNK';

/** A word as the tagger read it, with offsets into the chunk it was given. */
export interface TaggedWord {
  start: number;
  end: number;
  pos: Pos;
  /** The first word of a sentence, as the tagger's sentence splitter sees it. */
  sentenceStart: boolean;
  /** A tagger that recognises named entities may say which kind this word belongs to. */
  entity?: 'Person' | 'Place' | 'Organization';
}

/** What a word is on its own, looked up in lower case: for "Check", "NOT", "MIME" at the start of a sentence. */
export interface WordClass {
  /** The tagger's lexicon knows the word (a word of the language, not a name it has never seen). */
  known: boolean;
  /** The tag the word gets alone. */
  pos: Pos;
}

export interface Tagger {
  readonly name: string;
  /** Words of `text` (no spaces; punctuation may be included and is skipped by the caller). */
  tag(text: string): TaggedWord[];
  /** `word` in lower case, alone. Called for capitalised words only, and cached by the caller. */
  classify(word: string): WordClass;
}
