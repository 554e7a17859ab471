import type { Postings, TermPostings } from './term-index';
import { isStopword } from './tokens';

/**
 * The phrase check in the index, before any text is read: of the passages
 * `ids`, those whose body holds the phrase's words at the right distances.
 * Positions count every word, so "bank of china" wants "china" two words
 * after "bank", and "of" between them, from the stopwords' own positions
 * (`stops`, term-index.ts, numbered like `postings`) when the indexed words
 * alone leave many passages.
 *
 * It is a necessary condition, never a sufficient one: the text check
 * (phrase.ts) still decides, as it always did, on what is left. It spares
 * reading and scanning the texts of passages that cannot hold the phrase:
 * with common words, nearly all of the candidates.
 *
 * Returns a verdict per entry of `ids` (1: may hold the phrase in its body),
 * or undefined when positions cannot judge: a phrase of one word, or with
 * the word "s" (the tokenizer drops a possessive "'s", the pattern matches
 * it as a word).
 */
export function phraseInBody(postings: Postings, stops: Postings, words: readonly string[], ids: Uint32Array): Uint8Array | undefined {
  if (words.length < 2 || words.includes('s')) return undefined;
  const anchors = words.map((term, offset) => ({ term, offset, stopword: isStopword(term) }));
  const indexed = anchors.filter((a) => !a.stopword).map((a) => ({ ...a, postings: postings.get(a.term) }));
  if (indexed.length === 0) return undefined;
  const verdict = new Uint8Array(ids.length);
  if (indexed.some((l) => !l.postings)) return verdict;
  // The rarest word first: its positions seed the possible starts, the others only narrow them.
  indexed.sort((a, b) => a.postings!.size - b.postings!.size);

  // Each passage's entry in `ids`, plus one (0: not asked about, or positions cannot judge it).
  const slot = new Int32Array(Math.max(postings.idLimit, stops.idLimit));
  ids.forEach((id, i) => {
    if (!postings.exactPositions(id)) verdict[i] = 1;
    else slot[id] = i + 1;
  });
  // Per passage, where the phrase could start, ascending.
  let starts = new Map<number, number[]>();
  const first = indexed[0]!;
  first.postings!.forEachPositions(
    (id, positions, count) => {
      const s = new Array<number>(count);
      for (let j = 0; j < count; j++) s[j] = positions[j]! - first.offset;
      starts.set(id, s);
    },
    (id) => slot[id] !== 0,
  );
  for (const list of indexed.slice(1)) {
    if (!worthWalking(starts, list.postings!)) break;
    starts = narrow(starts, list.postings!, list.offset, postings.idLimit);
  }

  // Stopwords when the indexed words leave many passages ("wilcos is the"). The stopwords' index
  // numbers passages as the main one does (index.ts compacts them together).
  const stopLists = anchors.filter((a) => a.stopword).map((a) => ({ ...a, postings: stops.get(a.term) }));
  stopLists.sort((a, b) => (a.postings?.size ?? 0) - (b.postings?.size ?? 0));
  for (const list of stopLists) {
    if (!list.postings) starts = new Map();
    else if (worthWalking(starts, list.postings)) starts = narrow(starts, list.postings, list.offset, slot.length);
  }
  for (const id of starts.keys()) verdict[slot[id]! - 1] = 1;
  return verdict;
}

/**
 * Walking a term's positions costs about as much per passage holding it as
 * this share of checking one passage's text (a regular expression over
 * ~1,500 characters): a common word is not worth walking for a handful of
 * passages left, which the text check settles faster.
 */
const WALK_PER_TEXT = 512;
const worthWalking = (current: Map<number, number[]>, list: TermPostings) => current.size > 0 && current.size * WALK_PER_TEXT >= list.size;

/** The starts of `current` at which the term stands `offset` words on. */
function narrow(current: Map<number, number[]>, list: TermPostings, offset: number, idLimit: number): Map<number, number[]> {
  const next = new Map<number, number[]>();
  const member = new Uint8Array(idLimit);
  for (const id of current.keys()) member[id] = 1;
  list.forEachPositions(
    (id, positions, count) => {
      const s = current.get(id)!;
      const kept: number[] = [];
      // Both ascending: a merge.
      for (let i = 0, j = 0; i < s.length && j < count; ) {
        const at = positions[j]! - offset;
        if (s[i]! === at) {
          kept.push(at);
          i++;
          j++;
        } else if (s[i]! < at) i++;
        else j++;
      }
      if (kept.length > 0) next.set(id, kept);
    },
    (id) => member[id] === 1,
  );
  return next;
}
