import type { CitationAttrs } from './citation';

export type CitationCheck = { status: 'ok' } | { status: 'broken'; reason: string };

/** What a citation is checked against: the stored source it names and that source's plain text. */
export interface CitedSource {
  caseId: string;
  sha256: string;
  text: string;
  /** Set while the source is in the Trash: its citations are broken until it is restored. */
  deletedAt?: number | undefined;
}

/**
 * Whether a citation says what its source says, as a pure function so the
 * store (renderer/db/citations.ts), the exports and tests share one rule:
 * the source is there and belongs to `caseId` (a citation of another case's
 * source proves nothing here), is not in the Trash (restoring it mends the citation), is the same file (sha256, when the citation
 * recorded one), and holds the quoted words exactly at the cited range. An
 * empty quote proves nothing either.
 */
export function checkCitationAgainst(
  citation: Pick<CitationAttrs, 'start' | 'end' | 'quote' | 'sourceSha256'>,
  source: CitedSource | undefined,
  caseId: string,
): CitationCheck {
  if (!source) return { status: 'broken', reason: 'The quoted source is no longer in the case.' };
  if (source.caseId !== caseId) return { status: 'broken', reason: 'The quoted source belongs to another case.' };
  if (source.deletedAt !== undefined) return { status: 'broken', reason: 'The quoted source is in the Trash.' };
  if (citation.sourceSha256 && source.sha256 !== citation.sourceSha256) return { status: 'broken', reason: 'The source has changed since this passage was quoted.' };
  if (!citation.quote) return { status: 'broken', reason: 'The citation quotes nothing.' };
  if (source.text.slice(citation.start, citation.end) !== citation.quote) return { status: 'broken', reason: 'The quoted passage is no longer at this place in the source.' };
  return { status: 'ok' };
}
