import type { JSONContent } from '@tiptap/core';

export interface Note {
  id: string;
  caseId: string;
  title: string;
  /** The TipTap document, as `editor.getJSON()` gives it. */
  content: JSONContent;
  /** Plain text of the document, for search and backlink snippets. */
  text: string;
  createdAt: number;
  updatedAt: number;
  /** Set when the user deletes the note; kept until the undo window passes. */
  deletedAt?: number;
}
