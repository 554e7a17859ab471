import type { JSONContent } from '@tiptap/core';
import { REDACTION_MARKER, type Redactor } from './redactor';
import { NODE_NAMES } from '../editor/document';

/** What redacting a note document needs besides the redactor. */
export interface DocumentRedaction {
  redactor: Redactor;
  /** The id a reference becomes: ids that name a protected entity are replaced (see redact-snapshot.ts). */
  id(old: string): string;
  /** An offset into a source's text, carried over to its redacted text. */
  sourceOffset(sourceId: string, offset: number, edge: 'start' | 'end'): number;
}

/** Stands in for an inline node when searching a paragraph's text: no name runs across it. */
const ATOM = '\uFFFC';

/**
 * A copy of a note's TipTap document with every protected name replaced by
 * the marker: in text (searched a paragraph at a time, so a name split by
 * formatting, "Wang **Wenbin**", is still found), in mention chips (a
 * protected entity's chip reads only the marker), in citations' quotes and
 * source titles, and in any other attribute a node or mark carries; links
 * whose URL names a protected entity lose the link and keep their (redacted)
 * text. Unknown node types are walked the same way, so nothing depends on
 * the editor's schema.
 */
export function redactDocument(doc: JSONContent, ctx: DocumentRedaction): JSONContent {
  return redactNode(doc, ctx, false);
}

/** `inTextblock`: a text node's text is redacted by its parent, together with its neighbours'. */
function redactNode(node: JSONContent, ctx: DocumentRedaction, inTextblock: boolean): JSONContent {
  const copy: JSONContent = { ...node };
  if (node.attrs) copy.attrs = redactNodeAttrs(node, ctx);
  if (node.marks) {
    const marks = node.marks.filter((m) => m.type !== 'link' || ctx.redactor.allowsUrl(String(m.attrs?.href ?? ''))).map((m) => (m.attrs ? { ...m, attrs: redactAttrs(m.attrs, ctx) } : m));
    if (marks.length) copy.marks = marks;
    else delete copy.marks;
  }
  if (typeof node.text === 'string' && !(inTextblock && node.type === 'text')) copy.text = ctx.redactor.plain(node.text);
  if (node.content) copy.content = redactInline(node.content.map((child) => redactNode(child, ctx, true)), ctx.redactor);
  return copy;
}

function redactNodeAttrs(node: JSONContent, ctx: DocumentRedaction): Record<string, unknown> {
  const attrs = node.attrs!;
  const redacted = redactAttrs(attrs, ctx);
  if (node.type === NODE_NAMES.entityMention && ctx.redactor.isRedactedEntity(String(attrs.entityId ?? ''))) redacted.label = REDACTION_MARKER;
  if (node.type === NODE_NAMES.citation && typeof attrs.sourceId === 'string') {
    for (const edge of ['start', 'end'] as const) {
      if (typeof attrs[edge] === 'number') redacted[edge] = ctx.sourceOffset(attrs.sourceId, attrs[edge], edge);
    }
  }
  return redacted;
}

/** Strings redacted; ids (`…Id`) replaced when they name a protected entity; URLs naming one emptied. */
function redactAttrs(attrs: Record<string, unknown>, ctx: DocumentRedaction): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (typeof value === 'string' && /Id$/.test(key)) out[key] = value ? ctx.id(value) : value;
    else if (typeof value === 'string' && (key === 'href' || key === 'src')) out[key] = ctx.redactor.allowsUrl(value) ? value : '';
    else out[key] = redactValue(value, ctx.redactor);
  }
  return out;
}

function redactValue(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') return redactor.plain(value);
  if (Array.isArray(value)) return value.map((v) => redactValue(v, redactor));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, redactor)]));
  return value;
}

/**
 * Protected names in a run of inline nodes become the marker. The run's text
 * is searched whole; the marker goes where the name starts, and what the
 * name left in later nodes is removed (a node left empty goes).
 */
function redactInline(inline: JSONContent[], redactor: Redactor): JSONContent[] {
  if (!inline.some((n) => n.type === 'text')) return inline;
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
      out.push(node);
      continue;
    }
    let kept = '';
    let at = start;
    for (const r of ranges) {
      if (r.end <= at || r.start >= end) continue;
      if (r.start > at) kept += text.slice(at, r.start);
      if (r.start >= start) kept += REDACTION_MARKER;
      at = Math.min(r.end, end);
    }
    if (at < end) kept += text.slice(at, end);
    if (kept) out.push({ ...node, text: kept });
  }
  return out;
}
