import { z } from 'zod';
import { idSchema, offsetSchema, timeSchema } from './fields';

/** A note quoting a source passage; enough to verify it and re-find it after re-import. */
export const citationSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  noteId: idSchema,
  sourceId: idSchema,
  start: offsetSchema,
  end: offsetSchema,
  page: z.number().int().min(1).optional(),
  quote: z.string(),
  sourceSha256: z.string(),
  createdAt: timeSchema,
});
export type Citation = z.infer<typeof citationSchema>;
