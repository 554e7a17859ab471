import type { Postings, TermPostings } from './term-index';
import { isStopword } from './tokens';

/**
 * The phrase check in the index, before any text is read: the passages
 * whose body holds the phrase's words at the right distances.
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
 * Returns a mark per passage number (1: may hold the phrase in its body),
 * or undefined when positions cannot judge: a phrase of one word, or with
 * the word "s" (the tokenizer drops a possessive "'s", the pattern matches
 * it as a word).
 */
export function phraseInBody(postings: Postings, stops: Postings, words: readonly string[]): Uint8Array | undefined {
  if (words.length < 2 || words.includes('s')) return undefined;
  const anchors = words.map((term, offset) => ({ term, offset, stopword: isStopword(term) }));
  const indexed = anchors.filter((a) => !a.stopword).map((a) => ({ ...a, postings: postings.get(a.term) }));
  if (indexed.length === 0) return undefined;
  const marks = new Uint8Array(Math.max(postings.idLimit, stops.idLimit));
  if (indexed.some((l) => !l.postings)) return marks;
  // The rarest word first: its positions seed the possible starts, the others only narrow them.
  indexed.sort((a, b) => a.postings!.size - b.postings!.size);

  // Per passage, where the phrase could start, ascending: flat arrays (thousands of passages, no small arrays).
  let starts = new Starts();
  const first = indexed[0]!;
  first.postings!.forEachPositions((id, positions, count) => {
    // Positions cannot judge this passage: its text will.
    if (!postings.exactPositions(id)) {
      marks[id] = 1;
      return;
    }
    starts.open(id);
    for (let j = 0; j < count; j++) starts.push(positions[j]! - first.offset);
  });
  const slot = new Int32Array(marks.length);
  for (const list of indexed.slice(1)) {
    if (!worthWalking(starts, list.postings!)) break;
    starts = narrow(starts, list.postings!, list.offset, slot);
  }

  // Stopwords when the indexed words leave many passages ("wilcos is the"). The stopwords' index
  // numbers passages as the main one does (index.ts compacts them together).
  const stopLists = anchors.filter((a) => a.stopword).map((a) => ({ ...a, postings: stops.get(a.term) }));
  stopLists.sort((a, b) => (a.postings?.size ?? 0) - (b.postings?.size ?? 0));
  for (const list of stopLists) {
    if (!list.postings) starts = new Starts();
    else if (worthWalking(starts, list.postings)) starts = narrow(starts, list.postings, list.offset, slot);
  }
  for (let k = 0; k < starts.count; k++) marks[starts.ids[k]!] = 1;
  return marks;
}

/** Passages and their possible starts, as flat growable arrays: passage `k` is `ids[k]`, its starts `at[from[k], from[k + 1])`. */
class Starts {
  ids: Int32Array = new Int32Array(64);
  from: Int32Array = new Int32Array(65);
  at: Int32Array = new Int32Array(256);
  count = 0;
  length = 0;
  open(id: number): void {
    if (this.count + 2 > this.ids.length) {
      this.ids = grown(this.ids, this.count + 2);
      this.from = grown(this.from, this.count + 3);
    }
    this.ids[this.count++] = id;
    this.from[this.count] = this.length;
  }
  push(v: number): void {
    if (this.length === this.at.length) this.at = grown(this.at, this.length + 1);
    this.at[this.length++] = v;
    this.from[this.count] = this.length;
  }
  /** Drops the last passage opened when none of its starts was kept. */
  closeEmpty(): void {
    if (this.count > 0 && this.from[this.count - 1] === this.length) this.count--;
  }
}

function grown(a: Int32Array, min: number): Int32Array {
  const next = new Int32Array(Math.max(min, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Walking a term's positions costs about as much per passage holding it as
 * this share of checking one passage's text (a regular expression over
 * ~1,500 characters): a common word is not worth walking for a handful of
 * passages left, which the text check settles faster.
 */
const WALK_PER_TEXT = 512;
const worthWalking = (current: Starts, list: TermPostings) => current.count > 0 && current.count * WALK_PER_TEXT >= list.size;

/** The starts of `current` at which the term stands `offset` words on. `slot` is all zeros, and left so. */
function narrow(current: Starts, list: TermPostings, offset: number, slot: Int32Array): Starts {
  const next = new Starts();
  for (let k = 0; k < current.count; k++) slot[current.ids[k]!] = k + 1;
  list.forEachPositions(
    (id, positions, count) => {
      const k = slot[id]! - 1;
      const end = current.from[k + 1]!;
      const s = current.at;
      next.open(id);
      // Both ascending: a merge.
      for (let i = current.from[k]!, j = 0; i < end && j < count; ) {
        const at = positions[j]! - offset;
        if (s[i]! === at) {
          next.push(at);
          i++;
          j++;
        } else if (s[i]! < at) i++;
        else j++;
      }
      next.closeEmpty();
    },
    (id) => slot[id] !== 0,
  );
  for (let k = 0; k < current.count; k++) slot[current.ids[k]!] = 0;
  return next;
}
