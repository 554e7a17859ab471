import type React from 'react';
import { useEditorState, type Editor } from '@tiptap/react';

interface ToolbarProps {
  editor: Editor;
  onLink: () => void;
}

const MOD = navigator.platform.toLowerCase().includes('mac') ? '⌘' : 'Ctrl+';

/**
 * Formatting buttons. State is read through `useEditorState` selectors so
 * the toolbar re-renders only when a button's state changes, not on every
 * keystroke.
 */
export function Toolbar({ editor, onLink }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const button = (label: React.ReactNode, title: string, active: boolean, run: () => void, disabled = false) => (
    <button
      type="button"
      className={`tool${active ? ' is-active' : ''}`}
      title={title}
      aria-pressed={active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {/* The name is the words, not the glyph (H1, •): said by screen readers, shown as a tooltip. */}
      <span aria-hidden="true">{label}</span>
      <span className="sr-only">{title}</span>
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      {button('↶', `Undo (${MOD}Z)`, false, () => chain().undo().run(), !state.canUndo)}
      {button('↷', `Redo (${MOD}Shift+Z)`, false, () => chain().redo().run(), !state.canRedo)}
      <span className="tool-sep" />
      {button('H1', `Heading 1 (${MOD}Alt+1)`, state.h1, () => chain().toggleHeading({ level: 1 }).run())}
      {button('H2', `Heading 2 (${MOD}Alt+2)`, state.h2, () => chain().toggleHeading({ level: 2 }).run())}
      {button('H3', `Heading 3 (${MOD}Alt+3)`, state.h3, () => chain().toggleHeading({ level: 3 }).run())}
      <span className="tool-sep" />
      {button('B', `Bold (${MOD}B)`, state.bold, () => chain().toggleBold().run())}
      {button('I', `Italic (${MOD}I)`, state.italic, () => chain().toggleItalic().run())}
      <span className="tool-sep" />
      {button('•', `Bulleted list (${MOD}Shift+8)`, state.bullet, () => chain().toggleBulletList().run())}
      {button('1.', `Numbered list (${MOD}Shift+7)`, state.ordered, () => chain().toggleOrderedList().run())}
      {button('❝', `Quote (${MOD}Shift+B)`, state.quote, () => chain().toggleBlockquote().run())}
      {button(<LinkIcon />, `Link (${MOD}Shift+K)`, state.link, onLink)}
    </div>
  );
}

/** Drawn, not an emoji: emoji fonts are not on every machine. */
function LinkIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}
