import { Node, mergeAttributes } from '@tiptap/core';
import { intAttr, stringAttr } from './attributes';
import { NODE_NAMES } from './node-names';

/**
 * What a citation carries: enough to open the passage, to check that it still
 * says what was quoted (`quote` against `text.slice(start, end)` of a source
 * whose sha256 is `sourceSha256`), and to re-find it after a re-import.
 */
export interface CitationAttrs {
  /** The citation's own id: the row in the `citations` table mirrors the node. */
  citationId: string;
  sourceId: string;
  /** UTF-16 offsets into the source's plain text. */
  start: number;
  end: number;
  /** 1-based page of `start`, for paged sources. */
  page: number | null;
  quote: string;
  sourceSha256: string;
  /** The source's title when quoted, so the chip reads well even before the store answers. */
  sourceTitle: string;
}

/** "[Title, p. 3]": how a citation reads in a note and in plain text. */
export function citationLabel(attrs: Pick<CitationAttrs, 'sourceTitle' | 'page'>): string {
  const title = attrs.sourceTitle.trim() || 'Source';
  return attrs.page ? `[${title}, p. ${attrs.page}]` : `[${title}]`;
}

/**
 * An inline, atomic citation of a source passage, written like EntityMention:
 * every attribute round-trips through `data-*`, it renders with `renderHTML`
 * only, and the same definition renders notes in Node for export. Quoting a
 * passage puts one at the end of the blockquote it inserts.
 */
export const Citation = Node.create({
  name: NODE_NAMES.citation,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      citationId: stringAttr('citationId', 'citation-id'),
      sourceId: stringAttr('sourceId', 'source-id'),
      start: intAttr('start', 0),
      end: intAttr('end', 0),
      page: intAttr('page', null),
      quote: stringAttr('quote', 'quote'),
      sourceSha256: stringAttr('sourceSha256', 'sha256'),
      sourceTitle: stringAttr('sourceTitle', 'source-title'),
    };
  },

  parseHTML() {
    return [{ tag: 'cite[data-citation]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['cite', mergeAttributes(HTMLAttributes, { 'data-citation': '', class: 'citation', title: 'Open the quoted passage' }), citationLabel(node.attrs as CitationAttrs)];
  },

  renderText({ node }) {
    return citationLabel(node.attrs as CitationAttrs);
  },
});
