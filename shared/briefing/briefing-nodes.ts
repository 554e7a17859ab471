import { Node } from '@tiptap/core';
import { REDACTED_LABEL } from './redact';

/**
 * Inline nodes that exist only in print. Before a note is rendered, the
 * composer replaces protected names with `redaction` nodes and citations with
 * numbered `endnoteRef` nodes, so neither a name nor a citation's attributes
 * (quote, source title) reach the note's HTML.
 */

export const Redaction = Node.create({
  name: 'redaction',
  group: 'inline',
  inline: true,
  atom: true,
  renderHTML: () => ['span', { class: 'redacted' }, REDACTED_LABEL],
  renderText: () => REDACTED_LABEL,
});

export const EndnoteRef = Node.create({
  name: 'endnoteRef',
  group: 'inline',
  inline: true,
  atom: true,
  addAttributes() {
    return { number: { default: 0 } };
  },
  renderHTML: ({ node }) => {
    const n = String(node.attrs.number);
    return ['sup', { class: 'endnote-ref' }, ['a', { href: `#endnote-${n}` }, n]];
  },
  renderText: ({ node }) => `[${String(node.attrs.number)}]`,
});
