import { getSchema, type JSONContent } from '@tiptap/core';
import { Node as PMNode, type Schema } from '@tiptap/pm/model';
import { extractText } from '../editor/document';
import { isAllowedLinkHref, noteExtensions } from '../editor/extensions';
import { EndnoteRef, Redaction } from './briefing-nodes';
import { escapeText } from './escape';
import { prepareNote, type PrepareContext } from './prepare-note';
import { serializeDocument } from './serialize';
import { TABLE_NODES } from './table-nodes';
import { REDACTION_BAR_HTML, textHtml } from './text-html';
import { NODE_NAMES, visitNodes } from '../editor/document';

/** A heading inside a note, for the table of contents. */
export interface NoteHeading {
  /** The note's own level, 1–3. */
  level: number;
  anchorId: string;
  /** The heading's text as HTML, already redacted. */
  html: string;
}

export interface RenderedNote {
  html: string;
  headings: NoteHeading[];
}

let schema: Schema | undefined;

/** The note schema (the editor's extensions) plus the print-only nodes: built once, it is the same for every note. */
export function briefingSchema(): Schema {
  schema ??= getSchema([...noteExtensions(), ...TABLE_NODES, Redaction, EndnoteRef]);
  return schema;
}

/**
 * A note's body as HTML. Its headings move one level down (the note's title
 * is the chapter's h1) and get anchor ids `<chapterId>-h<n>`, which the table
 * of contents links to and the PDF service looks up to number it.
 */
export function renderNote(content: JSONContent, chapterId: string, ctx: Omit<PrepareContext, 'schema'>): RenderedNote {
  const prepareCtx = { ...ctx, schema: briefingSchema() };
  const prepared = prepareNote(content, prepareCtx);
  const headings = collectHeadings(prepared, chapterId);
  let doc: PMNode;
  try {
    doc = PMNode.fromJSON(prepareCtx.schema, prepared);
  } catch {
    // A document the schema cannot read still prints: as its plain text.
    return { html: plainTextFallback(content, ctx), headings: [] };
  }
  let headingIndex = 0;
  const html = serializeDocument(doc, {
    allowHref: (href) => /^#[\w-]+$/.test(href) || (isAllowedLinkHref(href) && ctx.redactor.allowsUrl(href)),
    element: (node, element) => {
      if (node.type.name !== 'heading') return element;
      const level = Math.min(Math.max(Number(node.attrs.level) || 1, 1), 3);
      return { tag: `h${level + 1}`, attrs: { ...element.attrs, id: `${chapterId}-h${++headingIndex}` } };
    },
  });
  return { html, headings };
}

function collectHeadings(doc: JSONContent, chapterId: string): NoteHeading[] {
  const headings: NoteHeading[] = [];
  visitNodes(doc, (node) => {
    if (node.type !== 'heading') return;
    const anchorId = `${chapterId}-h${headings.length + 1}`;
    headings.push({ level: Number(node.attrs?.level) || 1, anchorId, html: inlineHtml(node.content ?? []) });
  });
  return headings;
}

/** Inline content as bare text (plus bars): for a contents entry, where links and styling would be noise. */
function inlineHtml(inline: JSONContent[]): string {
  return inline
    .map((n) => {
      if (n.type === 'text') return escapeText(n.text ?? '');
      if (n.type === 'redaction') return REDACTION_BAR_HTML;
      if (n.type === NODE_NAMES.entityMention) return escapeText(String(n.attrs?.label ?? ''));
      if (n.type === 'hardBreak') return ' ';
      return '';
    })
    .join('')
    .trim();
}

function plainTextFallback(content: JSONContent, ctx: Omit<PrepareContext, 'schema'>): string {
  const { text } = extractText(content);
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${textHtml(ctx.redactor, p)}</p>`)
    .join('\n');
}
