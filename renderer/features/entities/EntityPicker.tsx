import { useEffect, useRef, useState } from 'react';
import { ENTITY_TYPE_LABELS } from '../../../shared/model';
import { useApp } from '../../app/context';
import { suggestEntities } from '../../db/entities';
import { similarEntities } from '../../db/similar-entities';
import type { StoredEntity } from '../../db/database';

/**
 * Type to find an entity of the case; Enter or click picks, Escape cancels.
 * With `similarTo`, the entities whose names are most like it are offered
 * before anything is typed.
 */
export function EntityPicker({
  label,
  exclude,
  similarTo,
  onPick,
  onCancel,
}: {
  label: string;
  exclude?: string;
  similarTo?: string;
  onPick: (entity: StoredEntity) => void;
  onCancel: () => void;
}) {
  const { db, caseId } = useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<StoredEntity[]>([]);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    let live = true;
    const similar: Promise<StoredEntity[]> = !query.trim() && similarTo ? similarEntities(db, caseId, similarTo, 8) : Promise.resolve([]);
    void similar
      .then((alike) => (alike.length > 0 ? alike : suggestEntities(db, caseId, query, 8)))
      .then((found) => {
        if (!live) return;
        setResults(found.filter((e) => e.id !== exclude));
        setActive(0);
      });
    return () => {
      live = false;
    };
  }, [db, caseId, query, exclude, similarTo]);

  return (
    <div className="entity-picker">
      <input
        ref={input}
        aria-label={label}
        placeholder={label}
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
      <button type="button" className="link-button" onClick={onCancel}>Cancel</button>
    </div>
  );
}
