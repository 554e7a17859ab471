/**
 * How strongly the case's sources vouch for a candidate name, for ranking the
 * review queue. Three kinds of evidence, each with diminishing returns so no
 * one of them can bury the others:
 * - being written with a capital in the middle of a sentence of body text,
 *   where only a name is capitalised (a heading, a sentence's first word or
 *   a shouted line prove nothing) — weighs most;
 * - being seen in several documents;
 * - being mentioned often.
 * A name never once capitalised mid-sentence (seen only in headings, at
 * sentence starts or in code) ranks below every name that was.
 */
export interface ScoreEvidence {
  mentions: number;
  midSentence: number;
  /** Distinct sources the name was found in. */
  sources: number;
}

export function candidateScore({ mentions, midSentence, sources }: ScoreEvidence): number {
  const proven = Math.min(midSentence, mentions);
  return (proven > 0 ? 10 : 0) + 3 * Math.log2(1 + proven) + 2 * Math.log2(Math.max(1, sources)) + Math.log2(1 + Math.max(0, mentions - proven));
}
