import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, type EntityType } from '../../../shared/model';
import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';
import { countEntitiesByType, listEntitiesOfType } from '../../db/entities';

const PAGE = 200;

/**
 * Entities grouped by type with counts. Counts come from the index; a
 * group's members load only when it is opened, a page at a time.
 */
export function EntitiesSection() {
  const { db, caseId, nav } = useApp();
  const counts = useLiveQuery(() => countEntitiesByType(db, caseId), [db, caseId]);
  const [only, setOnly] = useState<EntityType | 'all'>('all');
  const total = counts ? ENTITY_TYPES.reduce((sum, t) => sum + counts[t], 0) : null;
  return (
    <section className="side-section" aria-labelledby="entities-heading">
      <div className="side-heading">
        <h2 id="entities-heading">
          Entities {total !== null && <span className="count">{total}</span>}
        </h2>
        <button type="button" className="icon-button" title="New entity" aria-label="New entity" onClick={() => nav.openInspector({ kind: 'new-entity' })}>
          +
        </button>
      </div>
      {total === 0 && <p className="side-empty">No entities yet. Add people, organizations and places with +.</p>}
      {counts && total !== null && total > 0 && (
        <select className="type-filter" aria-label="Show entities of type" value={only} onChange={(e) => setOnly(e.target.value as EntityType | 'all')}>
          <option value="all">All types</option>
          {ENTITY_TYPES.filter((t) => counts[t] > 0).map((t) => (
            <option key={t} value={t}>{ENTITY_TYPE_LABELS[t].plural} ({counts[t]})</option>
          ))}
        </select>
      )}
      {counts &&
        ENTITY_TYPES.filter((t) => counts[t] > 0 && (only === 'all' || only === t)).map((type) => (
          // A filtered group opens at once: picking a type means wanting its members.
          <EntityGroup key={`${type}-${only}`} type={type} count={counts[type]} initiallyOpen={only === type} />
        ))}
    </section>
  );
}

function EntityGroup({ type, count, initiallyOpen = false }: { type: EntityType; count: number; initiallyOpen?: boolean }) {
  const { db, caseId, nav } = useApp();
  const { inspector } = useNavigationState(nav);
  const [open, setOpen] = useState(initiallyOpen);
  const [limit, setLimit] = useState(PAGE);
  const members = useLiveQuery(() => (open ? listEntitiesOfType(db, caseId, type, limit) : Promise.resolve(null)), [db, caseId, type, open, limit]);
  const activeId = inspector.kind === 'entity' || inspector.kind === 'edit-entity' ? inspector.entityId : null;
  return (
    <div className="entity-group" data-entity-type={type}>
      <button type="button" className="group-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <span className={`chevron${open ? ' is-open' : ''}`} aria-hidden>▸</span>
        <span className={`type-dot entity-${type.toLowerCase()}`} aria-hidden />
        <span className="side-label">{ENTITY_TYPE_LABELS[type].plural}</span>
        <span className="count">{count}</span>
      </button>
      {open && (
        <ul className="side-list nested" role="list">
          {members?.map((entity) => (
            <li key={entity.id} className={`side-item${entity.id === activeId ? ' is-active' : ''}`}>
              <button type="button" className="side-link" data-entity-id={entity.id} onClick={() => nav.openInspector({ kind: 'entity', entityId: entity.id })}>
                <span className="side-label">{entity.name}</span>
              </button>
            </li>
          ))}
          {members && count > limit && (
            <li>
              <button type="button" className="link-button more" onClick={() => setLimit((l) => l + PAGE)}>
                Show more
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
