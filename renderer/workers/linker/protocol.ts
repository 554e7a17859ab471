import type { LinkerEntry, LinkMatch } from '../../../shared/linking';
import type { Candidate } from '../../../shared/linking/extract';

/**
 * Messages between the renderer and the linker worker. Every request carries
 * an id its reply echoes. `link` runs against the entries of the last
 * `set-entries`, whose `version` the reply repeats, so a reply computed with
 * names that have since changed can be told apart and dropped. An `extract`
 * is answered by `extract-progress` messages (same id) as the document is
 * read, then by its `extracted` reply.
 */
export type LinkerRequest =
  | { type: 'set-entries'; id: number; version: number; entries: LinkerEntry[] }
  | { type: 'link'; id: number; text: string }
  | { type: 'extract'; id: number; text: string };

export type LinkerReply =
  | { type: 'entries-set'; id: number; version: number; patterns: number; buildMs: number }
  | { type: 'linked'; id: number; version: number; matches: LinkMatch[] }
  | { type: 'extract-progress'; id: number; done: number; total: number }
  | { type: 'extracted'; id: number; candidates: Candidate[] }
  | { type: 'failed'; id: number; message: string };
