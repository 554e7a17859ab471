import { z } from 'zod';
import { idSchema, offsetSchema, shortTextSchema, timeSchema } from './fields';

/** The kinds of entity extraction proposes; the user may retype one on accepting it. */
export const CANDIDATE_TYPES = ['Person', 'Organization', 'Place'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];

/** A passage where the name was found, and where the name is in it (for highlighting). */
export const candidatePassageSchema = z.object({
  start: offsetSchema,
  end: offsetSchema,
  text: z.string(),
  markStart: z.number().int().min(0),
  markEnd: z.number().int().min(0),
});
export type CandidatePassage = z.infer<typeof candidatePassageSchema>;

export const candidateSightingSchema = z.object({
  sourceId: idSchema,
  count: z.number().int().min(0),
  start: offsetSchema,
  end: offsetSchema,
  snippet: z.string(),
  /** Of `count`, the occurrences capitalised mid-sentence, the queue's best evidence. Absent in rows stored before it was counted. */
  midSentence: z.number().int().min(0).optional(),
  /** Up to three passages, spread over the source, each with the name's place in it. */
  passages: z.array(candidatePassageSchema).max(3).optional(),
});
export type CandidateSighting = z.infer<typeof candidateSightingSchema>;

/**
 * A name found in the case's sources that is not an entity yet, waiting in
 * the review queue. One row per case and folded name (`key`), so a name seen
 * in ten documents is reviewed once, and a rejected name stays rejected when
 * later imports find it again.
 */
export const candidateSchema = z.object({
  /** `${caseId}:${key}`: one row per case and name, whoever finds it. */
  id: idSchema,
  caseId: idSchema,
  key: shortTextSchema,
  name: shortTextSchema,
  type: z.enum(CANDIDATE_TYPES),
  status: z.enum(['pending', 'rejected']),
  /** Where it was found: per source, how often, and its first passage. */
  sightings: z.array(candidateSightingSchema),
  /** Occurrences across all sightings, for ranking the queue. */
  count: z.number().int().min(0),
  updatedAt: timeSchema,
});
export type CandidateRecord = z.infer<typeof candidateSchema>;
