import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { noteExtensions } from '../shared/editor/extensions';
import { citationAttrs, mapNodes, mentionAttrs } from '../shared/editor/document';
import { citationLabel } from '../shared/editor/citation';

/**
 * The typing benchmark's references: a bare TipTap editor, no app around
 * it, no saving, and only the layout the note column has (width, font size,
 * line height). Bundled into the page by bench/typing.ts.
 * - `nodes`: Casebook's own note extensions (the same schema, mention and
 *   citation nodes), on the same document;
 * - `starter`: TipTap's StarterKit alone, on the same document with each
 *   mention and citation written as its text (StarterKit has no such nodes).
 */
export type BareKind = 'nodes' | 'starter';

declare global {
  interface Window {
    __mountBareEditor(content: JSONContent, kind: BareKind): void;
  }
}

/** The document as plain StarterKit content: chips become the words they show. */
function asPlainText(content: JSONContent): JSONContent {
  return mapNodes(content, (node) => {
    const mention = mentionAttrs(node);
    if (mention) return { type: 'text', text: mention.label };
    const citation = citationAttrs(node);
    return citation ? { type: 'text', text: citationLabel(citation) } : node;
  });
}

window.__mountBareEditor = (content, kind) => {
  const host = document.getElementById('editor')!;
  host.replaceChildren();
  new Editor({
    element: host,
    extensions: kind === 'nodes' ? noteExtensions() : [StarterKit],
    content: kind === 'nodes' ? content : asPlainText(content),
    editorProps: { attributes: { class: 'note-body' } },
  });
};
