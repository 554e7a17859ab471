import { z } from 'zod';
import { caseSchema, entitySchema, isoPartialDateSchema, noteDocumentSchema, noteSchema, quoteSchema, relationSchema, sourceSchema } from '../model';

/**
 * The seed files' shapes, derived from the model's schemas: the seed says
 * less than a stored record (no case id on each row, no timestamps; quotes
 * address the one seed article, so they carry no source id) and is stricter
 * (every entity and relation is attested by at least one quote). All quotes
 * address `fentanyl-article.txt` by UTF-16 offsets: `article.slice(start, end) === quote`.
 */
const seedQuote = quoteSchema.extend({ quote: z.string().min(1), end: z.number().int().positive() }).strict();

export const seedCaseSchema = z.object({
  case: caseSchema.pick({ id: true, title: true, summary: true }).extend({ title: z.string().min(1) }),
  source: sourceSchema.pick({ id: true, title: true, format: true, metadata: true }).extend({
    title: z.string().min(1),
    /** File name beside this file holding the source text, byte for byte. */
    textFile: z.string().min(1),
  }),
});
export type SeedCaseFile = z.infer<typeof seedCaseSchema>;

export const seedEntitySchema = entitySchema.pick({ id: true, type: true, name: true, aliases: true, description: true, properties: true }).extend({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  description: z.string().min(1),
  quotes: z.array(seedQuote).min(1),
});
export type SeedEntity = z.infer<typeof seedEntitySchema>;

export const seedRelationSchema = relationSchema.pick({ id: true, type: true, description: true }).extend({
  from: z.string().min(1),
  to: z.string().min(1),
  date: isoPartialDateSchema.optional(),
  quotes: z.array(seedQuote).min(1),
});
export type SeedRelation = z.infer<typeof seedRelationSchema>;

export const seedNoteSchema = noteSchema.pick({ id: true, title: true }).extend({
  title: z.string().min(1),
  /** A TipTap document; entity mentions are `entityMention` nodes. */
  content: noteDocumentSchema.refine((doc) => doc.type === 'doc', 'a document node'),
});
export type SeedNote = z.infer<typeof seedNoteSchema>;
