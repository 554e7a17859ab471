import type { JSONContent } from '@tiptap/core';
import type { Citation } from '../model/citation';
import type { Mention } from '../model/mention';
import { snippetAround } from '../linking/snippet';
import { citationLabel, type CitationAttrs } from './citation';
import type { EntityMentionAttrs } from './entity-mention';

/**
 * The names of Casebook's own inline nodes, as the note schema registers
 * them: code that reads or rewrites a note document names them from here.
 */
export const NODE_NAMES = { entityMention: 'entityMention', citation: 'citation' } as const;

/** Calls `fn` on every node of a document, parents before children. */
export function visitNodes(doc: JSONContent, fn: (node: JSONContent) => void): void {
  fn(doc);
  for (const child of doc.content ?? []) visitNodes(child, fn);
}

/**
 * A copy of a document with each node replaced by what `fn` returns for it
 * (children are mapped first, and `fn` sees the node with mapped children).
 * Nodes `fn` returns unchanged are shared with the original, not copied.
 */
export function mapNodes(doc: JSONContent, fn: (node: JSONContent) => JSONContent): JSONContent {
  let node = doc;
  if (doc.content) {
    const content = doc.content.map((child) => mapNodes(child, fn));
    if (content.some((child, i) => child !== doc.content![i])) node = { ...doc, content };
  }
  return fn(node);
}

export interface MentionInText extends EntityMentionAttrs {
  /** Offsets into `documentText(doc)`. */
  start: number;
  end: number;
}

const BLOCK_SEPARATOR = '\n\n';

/**
 * Plain text of a note and the offsets of its entity mentions in it, in one
 * walk, so stored mentions address the same text that search and snippets
 * use. Blocks are separated by one blank line whatever their nesting (as
 * ProseMirror's `textBetween` with a "\n\n" separator); empty blocks, such as
 * the trailing paragraph, add nothing.
 */
export function extractText(doc: JSONContent): { text: string; mentions: MentionInText[]; citations: CitationAttrs[] } {
  let text = '';
  let separatorDue = false;
  const mentions: MentionInText[] = [];
  const citations: CitationAttrs[] = [];

  const append = (piece: string) => {
    if (separatorDue && text.length > 0) text += BLOCK_SEPARATOR;
    separatorDue = false;
    text += piece;
  };

  const walk = (node: JSONContent) => {
    if (node.type === 'text') return append(node.text ?? '');
    if (node.type === 'hardBreak') return append('\n');
    if (node.type === 'entityMention') {
      const attrs = node.attrs as EntityMentionAttrs;
      append('');
      const start = text.length;
      text += attrs.label;
      mentions.push({ ...attrs, start, end: text.length });
      return;
    }
    if (node.type === 'citation') {
      const attrs = node.attrs as CitationAttrs;
      citations.push(attrs);
      return append(citationLabel(attrs));
    }
    const children = node.content ?? [];
    const childrenAreBlocks = children.some((c) => !isInline(c));
    for (const child of children) {
      if (childrenAreBlocks) separatorDue = true;
      walk(child);
    }
  };
  walk(doc);
  return { text, mentions, citations };
}

const INLINE_TYPES = new Set(['text', 'entityMention', 'citation', 'hardBreak']);

function isInline(node: JSONContent): boolean {
  return INLINE_TYPES.has(node.type ?? '');
}

export const emptyDocument = (): JSONContent => ({ type: 'doc', content: [{ type: 'paragraph' }] });

/**
 * A note's plain text and one confirmed mention row per entity-mention node,
 * with offsets into that text and a snippet around it: what the store keeps
 * for a note, whether it was just typed or comes from the seed.
 */
export function noteTextAndMentions(
  note: { id: string; caseId: string },
  content: JSONContent,
  now = Date.now(),
): { text: string; mentions: Mention[]; citations: Citation[] } {
  const { text, mentions, citations } = extractText(content);
  return {
    text,
    // A citation copied within or between notes keeps its id; the row is the
    // note's, so one id per note is kept and later copies are dropped here.
    citations: uniqueBy(citations, (c) => c.citationId).filter((c) => c.citationId && c.sourceId).map((c) => ({
      id: `${note.id}:${c.citationId}`,
      caseId: note.caseId,
      noteId: note.id,
      sourceId: c.sourceId,
      start: c.start,
      end: c.end,
      ...(c.page ? { page: c.page } : {}),
      quote: c.quote,
      sourceSha256: c.sourceSha256,
      createdAt: now,
    })),
    // A chip detached from its entity (one that was never in this case) names nothing.
    mentions: mentions.filter((m) => m.entityId).map((m, i) => ({
      id: `mention-${note.id}-${i}`,
      caseId: note.caseId,
      entityId: m.entityId,
      targetKind: 'note',
      targetId: note.id,
      start: m.start,
      end: m.end,
      snippet: snippetAround(text, m.start, m.end),
      status: 'confirmed',
    })),
  };
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
