import type { JSONContent } from '@tiptap/core';
import type { Citation } from '../model/citation';
import type { Mention } from '../model/mention';
import { snippetAround } from '../linking/snippet';
import { citationLabel, type CitationAttrs } from './citation';
import type { EntityMentionAttrs } from './entity-mention';
import type { EntityType } from '../model/entity';
import { NODE_NAMES, type CasebookNodeName } from './node-names';

export { NODE_NAMES, type CasebookNodeName } from './node-names';

/**
 * One module for the note document: the names of Casebook's nodes, walking
 * and rewriting a TipTap JSON document, and the questions the rest of the
 * code asks of one (which entities it mentions, which sources it cites).
 * Nothing else walks note JSON by hand or names a node by a string.
 */

/** True if `node` is a Casebook node of that kind. */
export function isNodeOf(node: { type?: string | { name: string } } | null | undefined, name: CasebookNodeName): boolean {
  const type = node?.type;
  return (typeof type === 'string' ? type : type?.name) === name;
}

/** The attributes of an entity-mention node, or undefined for any other node. */
export function mentionAttrs(node: JSONContent): EntityMentionAttrs | undefined {
  return node.type === NODE_NAMES.entityMention && node.attrs ? (node.attrs as EntityMentionAttrs) : undefined;
}

/** The attributes of a citation node, or undefined for any other node. */
export function citationAttrs(node: JSONContent): CitationAttrs | undefined {
  return node.type === NODE_NAMES.citation && node.attrs ? (node.attrs as CitationAttrs) : undefined;
}

/** Ids of the entities the document's mention chips name (detached chips name none). */
export function mentionedEntityIds(doc: JSONContent): Set<string> {
  const ids = new Set<string>();
  visitNodes(doc, (node) => {
    const id = mentionAttrs(node)?.entityId;
    if (typeof id === 'string' && id) ids.add(id);
  });
  return ids;
}

/** Ids of the sources the document's citations point at. */
export function citedSourceIds(doc: JSONContent): Set<string> {
  const ids = new Set<string>();
  visitNodes(doc, (node) => {
    const id = citationAttrs(node)?.sourceId;
    if (typeof id === 'string' && id) ids.add(id);
  });
  return ids;
}

/** The document's citations, in reading order. */
export function citationsOf(doc: JSONContent): CitationAttrs[] {
  const found: CitationAttrs[] = [];
  visitNodes(doc, (node) => {
    const attrs = citationAttrs(node);
    if (attrs) found.push(attrs);
  });
  return found;
}

/**
 * The document with the mention chips of `fromId` pointed at `to` (an entity
 * merge, or its undo); `when` narrows which chips move (by their attributes).
 * The document itself is returned when nothing changed.
 */
export function replaceEntity(
  doc: JSONContent,
  fromId: string,
  to: { id: string; type: EntityType },
  when: (attrs: EntityMentionAttrs) => boolean = () => true,
): JSONContent {
  return mapNodes(doc, (node) => {
    const attrs = mentionAttrs(node);
    if (!attrs || attrs.entityId !== fromId || !when(attrs)) return node;
    return { ...node, attrs: { ...attrs, entityId: to.id, entityType: to.type } };
  });
}

/** A citation node with these attributes, as the editor stores it. */
export const citationNode = (attrs: CitationAttrs): JSONContent => ({ type: NODE_NAMES.citation, attrs: { ...attrs } });

/** An entity-mention node with these attributes, as the editor stores it. */
export const mentionNode = (attrs: EntityMentionAttrs): JSONContent => ({ type: NODE_NAMES.entityMention, attrs: { ...attrs } });

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
    if (node.type === NODE_NAMES.entityMention) {
      const attrs = node.attrs as EntityMentionAttrs;
      append('');
      const start = text.length;
      text += attrs.label;
      mentions.push({ ...attrs, start, end: text.length });
      return;
    }
    if (node.type === NODE_NAMES.citation) {
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

const INLINE_TYPES = new Set<string>(['text', NODE_NAMES.entityMention, NODE_NAMES.citation, 'hardBreak']);

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
): NoteDerivedRows {
  return noteRowsFromText(note, extractText(content), now);
}

/** A note's plain text with its mention and citation rows, as `noteTextAndMentions` gives them. */
export interface NoteDerivedRows {
  text: string;
  mentions: Mention[];
  citations: Citation[];
}

/**
 * The rows of `noteTextAndMentions` from an extraction already made (the
 * editor's incremental one, shared/editor/incremental-text.ts). `snippetOf`
 * gives the i-th mention's snippet when its caller already knows it; it must
 * equal `snippetAround(text, start, end)`.
 */
export function noteRowsFromText(
  note: { id: string; caseId: string },
  { text, mentions, citations }: ReturnType<typeof extractText>,
  now = Date.now(),
  snippetOf: (mention: MentionInText, index: number) => string = (m) => snippetAround(text, m.start, m.end),
): NoteDerivedRows {
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
    mentions: mentions
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => m.entityId)
      .map(({ m, index }, i) => ({
        id: `mention-${note.id}-${i}`,
        caseId: note.caseId,
        entityId: m.entityId,
        targetKind: 'note',
        targetId: note.id,
        start: m.start,
        end: m.end,
        snippet: snippetOf(m, index),
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
