import type { JSONContent } from '@tiptap/core';
import { Fragment, type Node as ProseMirrorNode } from '@tiptap/pm/model';
import { snippetAround } from '../linking/snippet';
import type { CitationAttrs } from './citation';
import { extractText, noteRowsFromText, type MentionInText, type NoteDerivedRows } from './document';

/** The radius `snippetAround` uses by default; a snippet within one block's text is that block's own. */
const SNIPPET_RADIUS = 80;

/**
 * What one top-level block adds to the note: its JSON, and its piece of the
 * plain text (the blank line before it included when text comes before it)
 * with its mentions and citations at offsets into that piece.
 */
interface BlockPart {
  json: JSONContent;
  text: string;
  mentions: MentionInText[];
  citations: CitationAttrs[];
  /** Snippets of mentions far enough from the block's ends to depend on its text alone, by mention index. */
  snippets: (string | undefined)[];
}

/**
 * ProseMirror's nodes are immutable and an edit keeps every block it does
 * not touch (the same object), so a block's part is computed once per
 * version of that block. Two parts per block: `extractText` puts a blank
 * line before a block only when text comes before it, and the leading block
 * is the only place where none does.
 */
const partsAfterText = new WeakMap<ProseMirrorNode, BlockPart>();
const partsAtStart = new WeakMap<ProseMirrorNode, BlockPart>();

/** A placeholder paragraph standing for "text before this block" (one character, cut off again). */
const TEXT_BEFORE: JSONContent = { type: 'paragraph', content: [{ type: 'text', text: 'x' }] };

function blockPart(block: ProseMirrorNode, afterText: boolean): BlockPart {
  const cache = afterText ? partsAfterText : partsAtStart;
  const cached = cache.get(block);
  if (cached) return cached;
  const json = block.toJSON() as JSONContent;
  // The block walked exactly as it is in the whole note, behind some text or not.
  const lead = afterText ? 1 : 0;
  const found = extractText({ type: 'doc', content: afterText ? [TEXT_BEFORE, json] : [json] });
  const text = found.text.slice(lead);
  const mentions = found.mentions.map((m) => ({ ...m, start: m.start - lead, end: m.end - lead }));
  const snippets = mentions.map((m) => (m.start - SNIPPET_RADIUS > 0 && m.end + SNIPPET_RADIUS < text.length ? snippetAround(text, m.start, m.end) : undefined));
  const part = { json, text, mentions, citations: found.citations, snippets };
  cache.set(block, part);
  return part;
}

/**
 * The JSON of a ProseMirror note document with its plain text and mention
 * and citation rows, exactly as `doc.toJSON()` and `noteTextAndMentions`
 * give them, computed again only for the blocks that changed since the last
 * call: on a 50,000-word note, serialising and walking the whole document
 * on every autosave was a long task of its own (tests/shared/editor/incremental-text.test.ts
 * compares the two over random edits).
 */
export function noteSaveOf(note: { id: string; caseId: string }, doc: ProseMirrorNode, now = Date.now()): { content: JSONContent; rows: NoteDerivedRows } {
  const blocks: ProseMirrorNode[] = [];
  doc.forEach((block) => void blocks.push(block));
  let text = '';
  const mentions: MentionInText[] = [];
  const citations: CitationAttrs[] = [];
  const snippets: (string | undefined)[] = [];
  const json: JSONContent[] = [];
  for (const block of blocks) {
    const part = blockPart(block, text.length > 0);
    const offset = text.length;
    for (const m of part.mentions) mentions.push({ ...m, start: m.start + offset, end: m.end + offset });
    snippets.push(...part.snippets);
    citations.push(...part.citations);
    json.push(part.json);
    text += part.text;
  }
  const content = { ...(doc.copy(Fragment.empty).toJSON() as JSONContent), ...(json.length ? { content: json } : {}) };
  const rows = noteRowsFromText(note, { text, mentions, citations }, now, (m, i) => snippets[i] ?? snippetAround(text, m.start, m.end));
  return { content, rows };
}
