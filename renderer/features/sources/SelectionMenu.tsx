import { useEffect, useRef, useState } from 'react';
import type { Source } from '../../../shared/model';
import { ENTITY_TYPE_LABELS } from '../../../shared/model';
import { useApp } from '../../app/context';
import { suggestEntities } from '../../db/entities';
import type { StoredEntity } from '../../db/database';
import { logError } from '../../bridge';
import { addAliasFromSelection, quoteInNote, type TextSelection } from './selection-actions';

/**
 * The actions offered over a passage selected in the reader: quote it into
 * the note (Ctrl+Shift+Q), make it a new entity, or add it as another name
 * of an entity picked by typing.
 */
export function SelectionMenu({ source, selection, anchor, onDone }: { source: Source; selection: TextSelection; anchor: DOMRect; onDone: () => void }) {
  const services = useApp();
  const [picking, setPicking] = useState(false);

  const run = (what: string, action: () => Promise<void>) => {
    action()
      .catch((error: unknown) => {
        logError(`${what} failed`, error);
        services.toasts.show({ tone: 'error', message: error instanceof Error ? error.message : `${what} failed.` });
      })
      .finally(onDone);
  };
  const quote = () => run('Quoting', () => quoteInNote(services, source, selection));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'q') {
        e.preventDefault();
        quote();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const top = Math.max(8, anchor.top - 44);
  const left = Math.min(Math.max(8, anchor.left), window.innerWidth - 340);
  return (
    <div className="selection-menu" role="toolbar" aria-label="Selected passage" style={{ top, left }} onMouseDown={(e) => e.preventDefault()}>
      {picking ? (
        <AliasPicker alias={selection.text} onPick={(entity) => run('Adding the alias', () => addAliasFromSelection(services, entity.id, selection.text))} onCancel={() => setPicking(false)} />
      ) : (
        <>
          <button type="button" onClick={quote} title="Quote in note (Ctrl+Shift+Q)">Quote in note</button>
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
        </>
      )}
    </div>
  );
}

function AliasPicker({ alias, onPick, onCancel }: { alias: string; onPick: (entity: StoredEntity) => void; onCancel: () => void }) {
  const { db, caseId } = useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StoredEntity[]>([]);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    let live = true;
    void suggestEntities(db, caseId, query, 6).then((found) => {
      if (!live) return;
      setResults(found);
      setActive(0);
    });
    return () => {
      live = false;
    };
  }, [db, caseId, query]);

  return (
    <div className="alias-picker" onMouseDown={(e) => e.stopPropagation()}>
      <input
        ref={input}
        aria-label={`Add “${alias}” as a name of…`}
        placeholder={`“${alias.slice(0, 40)}” is a name of…`}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
          if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          if (e.key === 'Enter' && results[active]) onPick(results[active]);
        }}
      />
      <ul role="listbox" aria-label="Entities">
        {results.map((entity, i) => (
          <li key={entity.id} role="option" aria-selected={i === active} onMouseDown={(e) => { e.preventDefault(); onPick(entity); }}>
            <span className={`type-dot entity-${entity.type.toLowerCase()}`} aria-hidden="true" />
            {entity.name} <span className="muted">{ENTITY_TYPE_LABELS[entity.type].singular}</span>
          </li>
        ))}
        {results.length === 0 && <li className="muted">No entity matches.</li>}
      </ul>
    </div>
  );
}
