import type { Postings } from './term-index';
import { isStopword } from './tokens';

/**
 * The phrase check in the index, before any text is read: of the passages
 * `ids`, those whose body holds the phrase's indexed words at the right
 * distances (stopwords are not indexed but are counted in positions, so
 * "bank of china" wants "china" two words after "bank"). It is a necessary
 * condition, never a sufficient one: the words between (stopwords) and the
 * characters between (punctuation) are still checked against the text
 * (phrase.ts), which decides as it always did. It only spares reading and
 * scanning the texts of passages that cannot hold the phrase: with common
 * words, nearly all of the candidates.
 *
 * Returns a verdict per entry of `ids` (1: may hold the phrase in its body),
 * or undefined when positions cannot judge: fewer than two indexed words,
 * or the word "s" (the tokenizer drops a possessive "'s", the pattern
 * matches it as a word).
 */
export function phraseInBody(postings: Postings, words: readonly string[], ids: Uint32Array): Uint8Array | undefined {
  const anchors: { offset: number; term: string }[] = [];
  words.forEach((term, offset) => {
    if (!isStopword(term)) anchors.push({ offset, term });
  });
  if (anchors.length < 2 || words.includes('s')) return undefined;
  const verdict = new Uint8Array(ids.length);
  const lists = anchors.map((a) => ({ ...a, postings: postings.get(a.term) }));
  if (lists.some((l) => !l.postings)) return verdict;
  // The rarest word first: its positions seed the candidate starts, the others only narrow them.
  lists.sort((a, b) => a.postings!.size - b.postings!.size);

  const slot = new Map<number, number>();
  ids.forEach((id, i) => {
    if (postings.exactPositions(id)) slot.set(id, i);
    else verdict[i] = 1;
  });
  // Per passage, where the phrase could start, ascending.
  let starts = new Map<number, number[]>();
  const first = lists[0]!;
  first.postings!.forEachPositions(
    (id, positions, count) => {
      const s = new Array<number>(count);
      for (let j = 0; j < count; j++) s[j] = positions[j]! - first.offset;
      starts.set(id, s);
    },
    (id) => slot.has(id),
  );
  for (const list of lists.slice(1)) {
    if (starts.size === 0) break;
    const next = new Map<number, number[]>();
    const current = starts;
    list.postings!.forEachPositions(
      (id, positions, count) => {
        const s = current.get(id)!;
        const kept: number[] = [];
        // Both ascending: a merge.
        for (let i = 0, j = 0; i < s.length && j < count; ) {
          const at = positions[j]! - list.offset;
          if (s[i]! === at) {
            kept.push(at);
            i++;
            j++;
          } else if (s[i]! < at) i++;
          else j++;
        }
        if (kept.length > 0) next.set(id, kept);
      },
      (id) => current.has(id),
    );
    starts = next;
  }
  for (const id of starts.keys()) verdict[slot.get(id)!] = 1;
  return verdict;
}
