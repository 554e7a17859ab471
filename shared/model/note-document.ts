import { z } from 'zod';
import type { JSONContent } from '@tiptap/core';

/** Deepest note document accepted; real notes nest a handful of levels (a list in a list is two). */
export const MAX_DOCUMENT_DEPTH = 200;
/** Most nodes in one note's document. */
export const MAX_DOCUMENT_NODES = 500_000;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a value is shaped like a TipTap JSON document: plain objects with a
 * string `type`, arrays of children and marks, bounded depth and size.
 * Walked without recursion, so a hostile, deeply nested payload cannot
 * overflow the stack. What the nodes mean is the editor schema's business.
 */
export function isNoteDocument(value: unknown): value is JSONContent {
  const stack: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  let seen = 0;
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    if (++seen > MAX_DOCUMENT_NODES || depth > MAX_DOCUMENT_DEPTH) return false;
    if (!isPlainObject(node)) return false;
    if (typeof node.type !== 'string' || node.type.length > 64) return false;
    if (node.text !== undefined && typeof node.text !== 'string') return false;
    if (node.attrs !== undefined && !isPlainObject(node.attrs)) return false;
    if (node.marks !== undefined) {
      if (!Array.isArray(node.marks)) return false;
      for (const mark of node.marks) if (!isPlainObject(mark) || typeof mark.type !== 'string' || (mark.attrs !== undefined && !isPlainObject(mark.attrs))) return false;
    }
    if (node.content !== undefined) {
      if (!Array.isArray(node.content)) return false;
      for (const child of node.content) stack.push({ node: child, depth: depth + 1 });
    }
  }
  return true;
}

/**
 * A note's TipTap document. Kept as given, unknown keys included: the editor
 * owns the document's shape, and a backup must give it back unchanged.
 */
export const noteDocumentSchema = z.custom<JSONContent>(isNoteDocument, 'a note document');
