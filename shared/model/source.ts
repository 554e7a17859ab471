import { z } from 'zod';
import { idSchema, isoPartialDateSchema, offsetSchema, sha256Schema, shortTextSchema, timeSchema } from './fields';
import { tagsSchema } from './tags';

/** The formats Casebook imports; the one list every schema, filter and label reads. */
export const SOURCE_FORMATS = ['text', 'markdown', 'pdf', 'docx', 'html', 'email', 'image'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A character range of the plain text; for paged formats, one per page. */
export const textRangeSchema = z.object({ start: offsetSchema, end: offsetSchema });
export type TextRange = z.infer<typeof textRangeSchema>;

/** The facts of a source the user can correct; what the file stated stays in `metadata`. */
export const SOURCE_EDITABLE_FIELDS = ['title', 'author', 'date', 'url', 'notes'] as const;
export type SourceEditableField = (typeof SOURCE_EDITABLE_FIELDS)[number];

/**
 * The user's corrections, each present only when the user set it (an empty
 * string is a deliberate "none"): they win over what the file stated, which
 * is kept untouched in `title` and `metadata`, so an edit can be reverted and
 * both can be read again.
 */
export const sourceEditsSchema = z.object({
  title: shortTextSchema.optional(),
  author: shortTextSchema.optional(),
  /** ISO 8601, possibly partial, so sources sort and filter by it; '' for "undated". */
  date: z.union([isoPartialDateSchema, z.literal('')]).optional(),
  url: z.string().max(8192).optional(),
  /** The user's own notes about the source (where it came from, how far to trust it). */
  notes: z.string().max(1_000_000).optional(),
});
export type SourceEdits = z.infer<typeof sourceEditsSchema>;

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
  /** The user's corrections of title, author, date, URL and notes (see `sourceFacts`). */
  edits: sourceEditsSchema.optional(),
  tags: tagsSchema.optional(),
  /**
   * Set when the user deletes the source: it stays in the store (and in
   * backups, so citations of it still resolve) and waits in the Trash until
   * restored or deleted for good. Lists, search, linking and the reader skip it.
   */
  deletedAt: timeSchema.optional(),
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
