import { z } from 'zod';
import { idSchema, shortTextSchema, timeSchema } from './fields';

export const caseSchema = z.object({
  id: idSchema,
  title: shortTextSchema,
  summary: z.string(),
  createdAt: timeSchema,
  updatedAt: timeSchema,
  /** The sample case Casebook ships (seeded from a real article): labelled as such, and re-added from Help. */
  sample: z.boolean().optional(),
  /** Set when the user deletes the case; it waits in the Trash until restored or deleted for good. */
  deletedAt: timeSchema.optional(),
});
export type Case = z.infer<typeof caseSchema>;
