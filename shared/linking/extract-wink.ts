import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { splitWords } from './extract-split';
import type { Pos, TaggedWord, Tagger, WordClass } from './extract-tagger';

/**
 * wink-nlp with its English "lite web" model (offline, no download, ≈ 3.5 MB
 * of model, bundled into the extraction chunk only). Two ways to use it,
 * measured side by side with compromise on the same rules and texts
 * (docs/extraction-notes.md):
 * - `winkTagger`: wink splits sentences and tags every word in context;
 * - `winkLexiconTagger` (what the app uses): the extractor's own splitter
 *   (extract-split.ts) reads the text, and wink is asked only what a
 *   capitalised word is on its own — once per distinct word. Same names
 *   found, several times faster: tagging every word was most of the cost,
 *   and the rules never needed it.
 * wink's own entities are dates, numbers and the like, which the rules do
 * not need, so its NER is not loaded.
 */

let instance: { nlp: WinkMethods; oovFrom: number } | undefined;

/** Loaded on the first extraction, not at import: the linking worker imports the same module graph. */
function wink(): { nlp: WinkMethods; oovFrom: number } {
  if (instance) return instance;
  const nlp = winkNLP(model, ['sbd', 'pos']);
  // wink numbers its lexicon's words first and words it meets later after them:
  // the id a made-up word gets on a fresh instance is where unknown words begin.
  const probe = nlp.readDoc('qzxjvkwqzx');
  const oovFrom = probe.tokens().out(nlp.its.uniqueId)[0] as unknown as number;
  instance = { nlp, oovFrom };
  return instance;
}

export const winkTagger: Tagger = {
  name: 'wink-nlp',
  tag(text: string): TaggedWord[] {
    const { nlp } = wink();
    const its = nlp.its;
    const doc = nlp.readDoc(text);
    const tokens = doc.tokens();
    const values = tokens.out();
    const tags = tokens.out(its.pos) as Pos[];
    const starts = new Set<number>();
    for (const span of doc.sentences().out(its.span) as unknown as [number, number][]) starts.add(span[0]);
    const words: TaggedWord[] = [];
    let cursor = 0;
    let sentenceStart = false;
    for (let index = 0; index < values.length; index++) {
      if (starts.has(index)) sentenceStart = true;
      const value = values[index]!;
      const pos = tags[index] ?? 'UNK';
      if (pos === 'SPACE' || value.length === 0) continue;
      // wink keeps the text as written; offsets are still re-found, never assumed, so a token that
      // is not where it should be is dropped rather than given a wrong place.
      const at = text.startsWith(value, cursor) ? cursor : text.indexOf(value, cursor);
      if (at === -1 || at - cursor > 64) continue;
      words.push({ start: at, end: at + value.length, pos, sentenceStart });
      sentenceStart = false;
      cursor = at + value.length;
    }
    return words;
  },
  classify(word: string): WordClass {
    const { nlp, oovFrom } = wink();
    const doc = nlp.readDoc(word);
    const ids = doc.tokens().out(nlp.its.uniqueId) as unknown as number[];
    const pos = (doc.tokens().out(nlp.its.pos)[0] ?? 'UNK') as Pos;
    // Every unknown word wink meets stays in its cache: start afresh after a million of them.
    if ((ids[0] ?? 0) > oovFrom + 1_000_000) instance = undefined;
    return { known: ids.length === 1 && ids[0]! < oovFrom, pos };
  },
};

/** The app's tagger: the extractor's own splitter, with wink's lexicon for what a capitalised word is alone. */
export const winkLexiconTagger: Tagger = {
  name: 'splitter + wink-nlp lexicon',
  tag: splitWords,
  classify: (word) => winkTagger.classify(word),
};
