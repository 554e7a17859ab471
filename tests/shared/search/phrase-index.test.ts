import { describe, expect, it } from 'vitest';
import { createSearchIndex, loadSearchIndex, type SearchIndex } from '../../../shared/search/index';
import { findPhrase, phrasePattern } from '../../../shared/search/phrase';
import { isStopword, tokenize } from '../../../shared/search/tokens';
import { seededRandom } from '../../fixtures/seeded-random';
import { note } from './fixture';

/**
 * Phrases are checked in the index by word positions before any text is
 * read (phrase-positions.ts). That check only rules passages out: what a
 * phrase finds must stay exactly what the text check finds, with stopwords
 * inside the phrase, punctuation between its words, possessives, printed
 * line breaks and words the positions cannot judge, and through
 * replacements, compactions and a snapshot.
 */

const WORDS = ['bank', 'china', 'cartel', 'port', 'ledger', 'shipment', 'wire', 'broker', 'cash', 'route'];
const STOPS = ['of', 'the', 'a', 'in', 'to', 'and'];
const GLUE = [' ', ' ', ' ', ' ', ', ', '. ', '\n', ' — ', ' (', ') ', '; '];
/** Texts where positions and the text check could disagree, so the text must decide. */
const ODD = ["O'Brien", 'inves-\ntigation', 'café', 'bank’s', "cartel's", 'ﬁnance', 'don’t'];

function randomText(rand: () => number, n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) {
    const r = rand();
    const word = r < 0.35 ? STOPS[Math.floor(rand() * STOPS.length)]! : r < 0.97 ? WORDS[Math.floor(rand() * WORDS.length)]! : ODD[Math.floor(rand() * ODD.length)]!;
    text += (i === 0 ? '' : GLUE[Math.floor(rand() * GLUE.length)]!) + (rand() < 0.1 ? word[0]!.toUpperCase() + word.slice(1) : word);
  }
  return text;
}

type Doc = { title: string; text: string; tokens: Set<string> };
const doc = (title: string, text: string): Doc => ({ title, text, tokens: new Set([...tokenize(title), ...tokenize(text)]) });

/**
 * What a phrase must find, as before positions were kept: the notes holding
 * each of its indexed words (the index's AND) whose text or title then
 * holds it by the text check.
 */
function expected(docs: Map<string, Doc>, words: string[]): string[] {
  const pattern = phrasePattern(words);
  const indexed = words.filter((w) => !isStopword(w));
  return [...docs]
    .filter(([, d]) => indexed.length > 0 && indexed.every((w) => d.tokens.has(w)))
    .filter(([, d]) => findPhrase(pattern, d.text).found || findPhrase(pattern, d.title).found)
    .map(([id]) => id)
    .sort();
}

const found = (index: SearchIndex, words: string[]) => index.search(`"${words.join(' ')}"`, { limit: 10_000 }).map((h) => h.id).sort();

function phrases(rand: () => number, docs: Map<string, Doc>): string[][] {
  const out: string[][] = [['bank', 'of', 'china'], ['the', 'bank'], ['cartel', 'and', 'the', 'port'], ['o', 'brien'], ['obrien', 'bank'], ['investigation'], ['cafe', 'bank'], ['finance', 'wire'], ['bank', 's'], ['dont', 'wire']];
  const texts = [...docs.values()].map((d) => tokenize(d.text));
  for (let i = 0; i < 50; i++) {
    const tokens = texts[Math.floor(rand() * texts.length)]!;
    const at = Math.floor(rand() * Math.max(1, tokens.length - 4));
    out.push(tokens.slice(at, at + 2 + Math.floor(rand() * 3)));
  }
  for (let i = 0; i < 20; i++) out.push(Array.from({ length: 2 + Math.floor(rand() * 2) }, () => (rand() < 0.4 ? STOPS : WORDS)[Math.floor(rand() * 6)]!));
  return out.filter((p) => p.length > 0);
}

function checkAll(index: SearchIndex, docs: Map<string, Doc>, rand: () => number) {
  for (const words of phrases(rand, docs)) expect(found(index, words), words.join(' ')).toEqual(expected(docs, words));
}

describe('phrases checked by word positions', () => {
  it('find exactly what the text check finds, through replacements, compactions and a snapshot', () => {
    const rand = seededRandom(5).next;
    const docs = new Map<string, Doc>();
    const index = createSearchIndex();
    const put = (id: string) => {
      const d = doc(rand() < 0.2 ? randomText(rand, 3) : 'Note', randomText(rand, 5 + Math.floor(rand() * 40)));
      docs.set(id, d);
      index.add({ kind: 'note', note: note(id, d.title, d.text) });
    };
    for (let i = 0; i < 400; i++) put(`n${i}`);
    checkAll(index, docs, rand);

    // Enough removals and replacements to compact the index (passages renumbered) on the way.
    for (let i = 0; i < 300; i++) {
      index.remove('note', `n${i}`);
      docs.delete(`n${i}`);
    }
    for (let i = 300; i < 360; i++) put(`n${i}`);
    for (let i = 400; i < 460; i++) put(`n${i}`);
    checkAll(index, docs, rand);

    const loaded = loadSearchIndex(structuredClone(index.snapshot()))!;
    expect(loaded).toBeDefined();
    for (const [id, d] of docs) loaded.provideText('note', id, d.text);
    checkAll(loaded, docs, rand);
  });

  it('count only the passages whose words stand as the phrase, stopwords included', () => {
    const index = createSearchIndex();
    index.add({ kind: 'note', note: note('holds', 'Visit', 'A loan from the Bank of China, repaid.') });
    index.add({ kind: 'note', note: note('other-stopword', 'Visit', 'The bank in China refused.') });
    index.add({ kind: 'note', note: note('apart', 'Visit', 'China sold the bank of a friend.') });
    index.add({ kind: 'note', note: note('punctuation', 'Visit', 'Which bank? Of China, surely.') });
    index.add({ kind: 'note', note: note('title', 'Bank of China', 'A loan, repaid.') });
    const ranking = index.rank('"bank of china"');
    expect(ranking.total).toBe(3);
    expect(index.search('"bank of china"').map((h) => h.id).sort()).toEqual(['holds', 'punctuation', 'title']);
    expect(index.rank('"bank in china"').total).toBe(1);
  });

  it('read from the database only the texts of passages whose words stand as the phrase', () => {
    const index = createSearchIndex();
    for (let i = 0; i < 20; i++) index.add({ kind: 'note', note: note(`apart${i}`, 'Visit', `China sold the bank of a friend, ${i}.`) });
    index.add({ kind: 'note', note: note('holds', 'Visit', 'A loan from the Bank of China, repaid.') });
    const loaded = loadSearchIndex(structuredClone(index.snapshot()))!;
    const ranking = loaded.rank('"bank of china"');
    expect(loaded.textsNeeded(ranking.next(50))).toEqual([{ kind: 'note', id: 'holds' }]);
  });
});
