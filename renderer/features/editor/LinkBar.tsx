import { useState } from 'react';
import type { Editor } from '@tiptap/react';
import { isAllowedLinkHref } from '../../../shared/editor/extensions';

/** Inline bar to set or remove the link on the selection (Electron has no window.prompt). */
export function LinkBar({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const current = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [href, setHref] = useState(current);
  const [error, setError] = useState<string | null>(null);

  const apply = () => {
    const value = href.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run();
      onDone();
      return;
    }
    const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value}`;
    if (!isAllowedLinkHref(withScheme)) {
      setError('Only web (http, https) and email (mailto) links can be added.');
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: withScheme }).run();
    onDone();
  };

  return (
    <form
      className="linkbar"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <input
        autoFocus
        aria-label="Link address"
        placeholder="https://…"
        value={href}
        onChange={(e) => {
          setHref(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            editor.commands.focus();
            onDone();
          }
        }}
      />
      <button type="submit">{href.trim() ? 'Apply' : 'Remove link'}</button>
      <button type="button" onClick={() => { editor.commands.focus(); onDone(); }}>
        Cancel
      </button>
      {error && <span className="linkbar-error" role="alert">{error}</span>}
    </form>
  );
}
