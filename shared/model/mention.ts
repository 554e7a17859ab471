import { z } from 'zod';
import { idSchema, offsetSchema } from './fields';

/**
 * One place an entity is named: a character range in a source's text, or an
 * entity-mention node in a note (where `start`/`end` are offsets into the
 * note's plain text, so a snippet can be cut either way).
 */
export const mentionSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  entityId: idSchema,
  targetKind: z.enum(['note', 'source']),
  targetId: idSchema,
  start: offsetSchema,
  end: offsetSchema,
  /** A few words either side, so backlinks render without loading the target. */
  snippet: z.string(),
  /** Confirmed (typed by the user or attested by a seed quote) or suggested by the linker. */
  status: z.enum(['confirmed', 'suggested']),
});
export type Mention = z.infer<typeof mentionSchema>;
