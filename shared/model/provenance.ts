import { z } from 'zod';
import { offsetSchema } from './fields';

/**
 * A verbatim passage of a source, addressed by UTF-16 offsets into the
 * source's plain text (`text.slice(start, end) === quote`). Offsets are what a
 * JavaScript string uses, so a quote can be re-found and verified anywhere.
 */
export const quoteSchema = z.object({
  quote: z.string(),
  start: offsetSchema,
  end: offsetSchema,
});
export type Quote = z.infer<typeof quoteSchema>;
