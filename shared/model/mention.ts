/**
 * One place an entity is named: a character range in a source's text, or an
 * entity-mention node in a note (where `start`/`end` are offsets into the
 * note's plain text, so a snippet can be cut either way).
 */
export interface Mention {
  id: string;
  caseId: string;
  entityId: string;
  targetKind: 'note' | 'source';
  targetId: string;
  start: number;
  end: number;
  /** A few words either side, so backlinks render without loading the target. */
  snippet: string;
  /** Confirmed (typed by the user or attested by a seed quote) or suggested by the linker. */
  status: 'confirmed' | 'suggested';
}
