import type { LinkerEntry, LinkMatch } from '../../../shared/linking';
import type { Candidate } from '../../../shared/linking/extract';

/**
 * The linker worker's methods (called through renderer/workers/rpc.ts).
 * `link` runs against the entries of the last `setEntries`, whose `version`
 * the answer repeats, so a result computed with names that have since
 * changed can be told apart and dropped.
 */
export interface LinkerMethods {
  /** Rebuilds the automaton from the case's names. */
  setEntries: { request: { version: number; entries: LinkerEntry[] }; response: { version: number; patterns: number; buildMs: number } };
  /** Every known name in the text. */
  link: { request: { text: string }; response: { version: number; matches: LinkMatch[] } };
  /**
   * Names the case does not know yet, proposed for the review queue. The
   * whole text is read, a slice at a time, with progress after each slice.
   */
  extract: { request: { text: string }; response: Candidate[]; progress: { done: number; total: number } };
}
