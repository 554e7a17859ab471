import { useEffect, useRef, useState } from 'react';
import type { Source } from '../../../shared/model';
import { useApp } from '../../app/context';
import { reportFailure } from '../../app/report-failure';
import { providePassage } from '../../app/command-targets';
import { shortcutLabel } from '../../app/key-platform';
import { EntityPicker } from '../entities/EntityPicker';
import { addAliasFromSelection, quoteInNote, type TextSelection } from './selection-actions';
import { confirmOpenLink } from './open-link';

/**
 * The actions offered over a passage selected in the reader: quote it into
 * the note (the table's `quote` command, Ctrl/⌘+Shift+Q), make it a new entity, or add it as another name
 * of an entity picked by typing; inside a link, open the link (after asking).
 */
export function SelectionMenu({ source, selection, anchor, link, onDone }: { source: Source; selection: TextSelection; anchor: DOMRect; link?: string | null; onDone: () => void }) {
  const services = useApp();
  const [picking, setPicking] = useState(false);

  const run = (what: string, action: () => Promise<void>) => {
    action()
      .catch((error: unknown) => reportFailure(services.toasts, what, error))
      .finally(onDone);
  };
  const quote = () => run('Quoting', () => quoteInNote(services, source, selection));

  // While the menu is up, the `quote` command (its key, the palette) quotes this passage.
  const latestQuote = useRef(quote);
  useEffect(() => {
    latestQuote.current = quote;
  });
  useEffect(() => providePassage({ quote: () => latestQuote.current() }), []);

  const top = Math.max(8, anchor.top - 44);
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - 340);
  return (
    <div className="selection-menu" role="toolbar" aria-label="Selected passage" style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      {picking ? (
        <div className="alias-picker" onMouseDown={(e) => e.stopPropagation()}>
          <EntityPicker
            label={`“${selection.text.slice(0, 40)}” is a name of…`}
            similarTo={selection.text}
            onPick={(entity) => run('Adding the alias', () => addAliasFromSelection(services, entity.id, selection.text))}
            onCancel={() => setPicking(false)}
          />
        </div>
      ) : (
        <>
          <button type="button" onClick={quote} title={`Quote in note (${shortcutLabel('quote')})`}>Quote in note</button>
          <button
            type="button"
            onClick={() => {
              services.nav.openInspector({ kind: 'new-entity', name: selection.text.replace(/\s+/g, ' ').slice(0, 200) });
              onDone();
            }}
          >
            New entity
          </button>
          <button type="button" onClick={() => setPicking(true)}>Add as alias…</button>
          {link && (
            <button
              type="button"
              title={link}
              onClick={() => {
                confirmOpenLink(link);
                onDone();
              }}
            >
              Open link…
            </button>
          )}
        </>
      )}
    </div>
  );
}
