import { z } from 'zod';
import { idSchema, shortTextSchema, timeSchema } from './fields';

export const caseSchema = z.object({
  id: idSchema,
  title: shortTextSchema,
  summary: z.string(),
  createdAt: timeSchema,
  updatedAt: timeSchema,
});
export type Case = z.infer<typeof caseSchema>;
