import { getSchema, type JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { noteExtensions } from './extensions';

let noteSchema: Schema | undefined;

/**
 * Why the editor cannot open a stored note document as it is, or null if it
 * can. TipTap does not refuse such a document: a node or mark type the schema
 * does not know makes it start from an empty document, and wrong nesting is
 * loaded as it is. Either way the next save would write that over the stored
 * note, so the note view asks first (a restored backup or an older or newer
 * Casebook can hold such a note). The same check as TipTap's
 * `enableContentCheck`: ProseMirror's `nodeFromJSON`, then `check()`. A
 * document with no blocks at all is accepted: the editor opens it empty and
 * there is nothing in it to lose.
 */
export function noteContentProblem(content: JSONContent | null | undefined, schema: Schema = (noteSchema ??= getSchema(noteExtensions()))): string | null {
  try {
    const doc = schema.nodeFromJSON(content);
    if (doc.type !== schema.topNodeType) return `it is a “${doc.type.name}”, not a document`;
    if (doc.childCount > 0) doc.check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
