/** The kinds of entity extraction proposes; the user may retype one on accepting it. */
export const CANDIDATE_TYPES = ['Person', 'Organization', 'Place'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];

/**
 * A name found in the case's sources that is not an entity yet, waiting in
 * the review queue. One row per case and folded name (`key`), so a name seen
 * in ten documents is reviewed once, and a rejected name stays rejected when
 * later imports find it again.
 */
export interface CandidateRecord {
  /** `${caseId}:${key}`: one row per case and name, whoever finds it. */
  id: string;
  caseId: string;
  key: string;
  name: string;
  type: CandidateType;
  status: 'pending' | 'rejected';
  /** Where it was found: per source, how often, and its first passage. */
  sightings: CandidateSighting[];
  /** Occurrences across all sightings, for ranking the queue. */
  count: number;
  updatedAt: number;
}

export interface CandidateSighting {
  sourceId: string;
  count: number;
  start: number;
  end: number;
  snippet: string;
}
