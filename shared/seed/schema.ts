import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES, type RelationType } from '../model';

const quote = z.object({ quote: z.string().min(1), start: z.number().int().nonnegative(), end: z.number().int().positive() }).strict();
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)');

export const seedCaseSchema = z.object({
  case: z.object({ id: z.string().min(1), title: z.string().min(1), summary: z.string() }),
  source: z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    format: z.enum(['text', 'markdown', 'pdf', 'docx', 'html', 'email']),
    textFile: z.string().min(1),
    metadata: z.record(z.string(), z.string()),
  }),
});

export const seedEntitySchema = z.object({
  id: z.string().min(1),
  type: z.enum(ENTITY_TYPES),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  description: z.string().min(1),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  quotes: z.array(quote).min(1),
});

export const seedRelationSchema = z.object({
  id: z.string().min(1),
  type: z.enum(Object.keys(RELATION_TYPES) as [RelationType, ...RelationType[]]),
  from: z.string().min(1),
  to: z.string().min(1),
  date: isoDate.optional(),
  description: z.string().optional(),
  quotes: z.array(quote).min(1),
});

export const seedNoteSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  content: z.object({ type: z.literal('doc') }).passthrough(),
});
