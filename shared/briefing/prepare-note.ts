import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import type { CitationAttrs } from '../editor/citation';
import type { EntityMentionAttrs } from '../editor/entity-mention';
import type { Redactor } from './redact';
import { NODE_NAMES } from '../editor/document';

/**
 * A note's TipTap JSON made ready for print, before any HTML exists:
 * - node types and marks the schema does not know are unwrapped or dropped;
 * - citations become numbered endnote references;
 * - with redaction on, protected mentions and every protected name in the
 *   text become `redaction` nodes, and links whose URL names one lose it.
 * The result is still plain JSON in the note schema (plus the print-only
 * nodes), so the editor's own node definitions render it.
 */
export interface PrepareContext {
  schema: Schema;
  redactor: Redactor;
  endnoteNumber(citation: CitationAttrs): number;
  /** Current entity types by id: a mention printed with its entity's type today, not the one it was typed with. */
  entityTypes: ReadonlyMap<string, string>;
}

/** Stands in for an inline node when searching a paragraph's text: no name runs across it. */
const ATOM = '\uFFFC';

export function prepareNote(doc: JSONContent, ctx: PrepareContext): JSONContent {
  const [prepared] = prepareNode(doc, ctx);
  return prepared ?? { type: 'doc', content: [] };
}

function prepareNode(node: JSONContent, ctx: PrepareContext): JSONContent[] {
  const type = node.type ?? '';
  if (type === NODE_NAMES.citation) return [{ type: 'endnoteRef', attrs: { number: ctx.endnoteNumber(node.attrs as CitationAttrs) } }];
  if (type === NODE_NAMES.entityMention) return prepareMention(node, ctx);
  if (type === 'text') return node.text ? [withKnownMarks(node, ctx)] : [];
  const children = (node.content ?? []).flatMap((child) => prepareNode(child, ctx));
  // An unknown node keeps what it holds; the schema decides whether that still fits.
  if (!ctx.schema.nodes[type]) return children;
  const prepared: JSONContent = { ...node, content: children };
  if (children.length === 0) delete prepared.content;
  if (ctx.schema.nodes[type]!.isTextblock && ctx.redactor.active) prepared.content = redactInline(children, ctx.redactor);
  return [withKnownMarks(prepared, ctx)];
}

function prepareMention(node: JSONContent, ctx: PrepareContext): JSONContent[] {
  const attrs = (node.attrs ?? {}) as Partial<EntityMentionAttrs>;
  if (ctx.redactor.isRedactedEntity(String(attrs.entityId ?? ''))) return [{ type: 'redaction' }];
  const entityType = ctx.entityTypes.get(String(attrs.entityId ?? '')) ?? attrs.entityType;
  // A label naming a protected entity (an alias inside a longer label) prints as plain text with the bar in it.
  const label = String(attrs.label ?? '');
  if (ctx.redactor.find(label).length > 0) return redactInline([{ type: 'text', text: label }], ctx.redactor);
  return [withKnownMarks({ ...node, attrs: { ...attrs, entityType } }, ctx)];
}

function withKnownMarks(node: JSONContent, ctx: PrepareContext): JSONContent {
  if (!node.marks) return node;
  const marks = node.marks.filter((m) => ctx.schema.marks[m.type] && (m.type !== 'link' || ctx.redactor.allowsUrl(String(m.attrs?.href ?? ''))));
  const copy: JSONContent = { ...node, marks };
  if (marks.length === 0) delete copy.marks;
  return copy;
}

/**
 * Protected names in a paragraph's inline content become bars. The text is
 * searched whole, so a name split across formatting ("Wang **Wenbin**") is
 * still found; a bar is drawn once per name, unformatted.
 */
function redactInline(inline: JSONContent[], redactor: Redactor): JSONContent[] {
  const text = inline.map((n) => (n.type === 'text' ? (n.text ?? '') : ATOM)).join('');
  const ranges = redactor.find(text);
  if (ranges.length === 0) return inline;
  const out: JSONContent[] = [];
  let offset = 0;
  for (const node of inline) {
    const length = node.type === 'text' ? (node.text ?? '').length : ATOM.length;
    const start = offset;
    const end = offset + length;
    offset = end;
    if (node.type !== 'text') {
      if (!ranges.some((r) => r.start < end && r.end > start)) out.push(node);
      continue;
    }
    let at = start;
    for (const r of ranges) {
      if (r.end <= at || r.start >= end) continue;
      if (r.start > at) out.push({ ...node, text: text.slice(at, r.start) });
      // The bar belongs to the node where the name starts.
      if (r.start >= start) out.push({ type: 'redaction' });
      at = Math.min(r.end, end);
    }
    if (at < end) out.push({ ...node, text: text.slice(at, end) });
  }
  return out;
}
