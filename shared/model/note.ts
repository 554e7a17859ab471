import { z } from 'zod';
import { idSchema, shortTextSchema, timeSchema } from './fields';
import { noteDocumentSchema } from './note-document';
import { tagsSchema } from './tags';

export const noteSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  title: shortTextSchema,
  /** The TipTap document, as `editor.getJSON()` gives it. */
  content: noteDocumentSchema,
  /** Plain text of the document, for search and backlink snippets. */
  text: z.string(),
  createdAt: timeSchema,
  updatedAt: timeSchema,
  tags: tagsSchema.optional(),
  /** Set when the user deletes the note; kept until the undo window passes. */
  deletedAt: timeSchema.optional(),
});
export type Note = z.infer<typeof noteSchema>;
