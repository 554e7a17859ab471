import nlp from 'compromise';
import type { Pos, TaggedWord, Tagger, WordClass } from '../shared/linking/extract-tagger';

/**
 * compromise behind the extractor's Tagger interface, for the bench only: it
 * tags every word in context (and guesses people, places and organisations),
 * so it can be measured against wink-nlp on the same rules and texts. The app
 * does not ship it.
 */

type Term = { text: string; pre: string; tags?: Set<string> };

const LEXICON = (nlp.model() as { one?: { lexicon?: Record<string, string | string[]> } }).one?.lexicon ?? {};

function posOf(tags: ReadonlySet<string>): Pos {
  if (tags.has('ProperNoun') || tags.has('Person') || tags.has('Place') || tags.has('Organization')) return 'PROPN';
  if (tags.has('Pronoun')) return 'PRON';
  if (tags.has('Determiner')) return 'DET';
  if (tags.has('Preposition')) return 'ADP';
  if (tags.has('Conjunction')) return 'CCONJ';
  if (tags.has('Modal') || tags.has('Copula') || tags.has('Auxiliary')) return 'AUX';
  if (tags.has('Negative')) return 'PART';
  if (tags.has('Verb')) return 'VERB';
  if (tags.has('Adjective')) return 'ADJ';
  if (tags.has('Adverb')) return 'ADV';
  if (tags.has('Value')) return 'NUM';
  if (tags.has('Noun')) return 'NOUN';
  return 'X';
}

function entityOf(tags: ReadonlySet<string>): TaggedWord['entity'] {
  if (tags.has('Person')) return 'Person';
  if (tags.has('Place')) return 'Place';
  if (tags.has('Organization')) return 'Organization';
  return undefined;
}

export const compromiseTagger: Tagger = {
  name: 'compromise',
  tag(text: string): TaggedWord[] {
    const words: TaggedWord[] = [];
    let cursor = 0;
    for (const sentence of nlp(text).docs as Term[][]) {
      let first = true;
      for (const term of sentence) {
        if (!term.text) continue;
        const expected = cursor + term.pre.length;
        let at = text.startsWith(term.text, expected) ? expected : -1;
        if (at === -1) {
          const found = text.slice(cursor, expected + term.text.length + 64).indexOf(term.text);
          at = found === -1 ? -1 : cursor + found;
        }
        if (at === -1) continue;
        const tags = term.tags ?? new Set<string>();
        words.push({ start: at, end: at + term.text.length, pos: posOf(tags), sentenceStart: first, entity: entityOf(tags) });
        first = false;
        cursor = at + term.text.length;
      }
    }
    return words;
  },
  classify(word: string): WordClass {
    const term = (nlp(word).docs as Term[][])[0]?.[0];
    const tags = term?.tags ?? new Set<string>();
    return { known: Object.hasOwn(LEXICON, word), pos: posOf(tags) };
  },
};
