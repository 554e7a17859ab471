import { useEffect, useRef } from 'react';
import { shortcutLabel } from '../../../app/key-platform';
import type { FindState } from './use-find';

/**
 * Find within the document (Ctrl/⌘+F in the reader): Enter goes to the next
 * match, Shift+Enter to the previous, Escape closes and gives the reader
 * back its focus.
 */
export function FindBar({ find, onClose }: { find: FindState; onClose?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!find.open) return;
    input.current?.focus();
    input.current?.select();
  }, [find.open, find.focusRequest]);
  if (!find.open) return null;

  const { matches, current, query, capped } = find;
  const count = matches.length === 0 ? (query.trim() ? 'No matches' : '') : `${current + 1} of ${matches.length}${capped ? '+' : ''}`;
  const close = () => {
    find.close();
    onClose?.();
  };
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        className="find-input"
        aria-label="Find in document"
        placeholder={`Find in document (${shortcutLabel('find-in-source')})`}
        value={query}
        onChange={(e) => find.setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            find.step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            close();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite" data-testid="find-count">
        {count}
      </span>
      <button type="button" className="icon-button" aria-label="Previous match" title="Previous match (Shift+Enter)" disabled={matches.length === 0} onClick={() => find.step(-1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label="Next match" title="Next match (Enter)" disabled={matches.length === 0} onClick={() => find.step(1)}>
        ↓
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Escape)" onClick={close}>
        ×
      </button>
    </div>
  );
}
