import { Editor, type JSONContent } from '@tiptap/core';
import { noteExtensions } from '../shared/editor/extensions';

/**
 * The typing benchmark's reference: a bare TipTap editor with Casebook's own
 * note extensions (the same schema, mention and citation nodes), no app
 * around it, no saving, and only the layout the note column has (width, font
 * size, line height). Bundled into the page by bench/typing.ts.
 */
declare global {
  interface Window {
    __mountBareEditor(content: JSONContent): void;
  }
}

window.__mountBareEditor = (content) => {
  const host = document.getElementById('editor')!;
  new Editor({ element: host, extensions: noteExtensions(), content, editorProps: { attributes: { class: 'note-body' } } });
};
