import { z } from 'zod';
import { idSchema, offsetSchema, sha256Schema, shortTextSchema, timeSchema } from './fields';

/** The formats Casebook imports; the one list every schema, filter and label reads. */
export const SOURCE_FORMATS = ['text', 'markdown', 'pdf', 'docx', 'html', 'email', 'image'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A character range of the plain text; for paged formats, one per page. */
export const textRangeSchema = z.object({ start: offsetSchema, end: offsetSchema });
export type TextRange = z.infer<typeof textRangeSchema>;

/**
 * A source as listed: everything but the document itself, so lists, the
 * library and backlinks never read a document's text. The text and HTML live
 * in `SourceBody`, one row per source, read only by what needs them (the
 * reader, the linker, citations, export).
 */
export const sourceSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  title: shortTextSchema,
  format: z.enum(SOURCE_FORMATS),
  /** Character ranges of pages in the body's text, for paged formats. */
  pages: z.array(textRangeSchema).optional(),
  /** Hex sha256 of the original file's bytes. */
  sha256: sha256Schema,
  /** Bytes of the original file. */
  size: z.number().int().min(0),
  /** What the file states: author, date, url, subject, from, to… */
  metadata: z.record(z.string(), z.string()),
  importedAt: timeSchema,
  /** The file's name as it was imported. */
  fileName: shortTextSchema.optional(),
  /** The source this one was found in (an email's attachment). */
  parentId: idSchema.optional(),
  /** When extraction last proposed candidates from it; unset until it has. */
  extractedAt: timeSchema.optional(),
});
export type Source = z.infer<typeof sourceSchema>;

export const sourceBodySchema = z.object({
  sourceId: idSchema,
  caseId: idSchema,
  /** Plain text: what quotes, mentions and citations address by offset. */
  text: z.string(),
  /** Sanitized HTML where the source has structure. */
  html: z.string().optional(),
});
export type SourceBody = z.infer<typeof sourceBodySchema>;

/** A source with its document, as the seed and the reader handle it. */
export type SourceWithBody = Source & Pick<SourceBody, 'text' | 'html'>;

/** 1-based page holding `offset`, or null for sources without pages. */
export function pageAt(pages: readonly TextRange[] | undefined, offset: number): number | null {
  if (!pages?.length) return null;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
