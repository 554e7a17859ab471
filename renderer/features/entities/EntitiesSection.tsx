import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, type EntityType } from '../../../shared/model';
import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';
import { countEntitiesByType, listEntitiesOfType } from '../../db/entities';
import { onTreeKeyDown } from '../../app/tree-keys';

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
  const shownTypes = counts ? ENTITY_TYPES.filter((t) => counts[t] > 0 && (only === 'all' || only === t)) : [];
  // The tree's one tab stop: the item last focused, else the first group.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const tabStop = (key: string) => (focusKey ? key === focusKey : key === `group:${shownTypes[0]}`);
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
      {counts && total !== null && total > 0 && (
        // One tree of the groups and their members, moved through with the arrow keys (app/tree-keys.ts).
        <ul
          className="entity-tree"
          role="tree"
          aria-labelledby="entities-heading"
          onFocus={(e) => {
            const key = (e.target as HTMLElement).dataset.treeKey;
            if (key) setFocusKey(key);
          }}
          onKeyDown={(e) =>
            onTreeKeyDown(e, {
              toggle: (item) => item.click(),
              activate: (item) => item.click(),
            })
          }
        >
          {shownTypes.map((type) => (
            // A filtered group opens at once: picking a type means wanting its members.
            <EntityGroup key={`${type}-${only}`} type={type} count={counts[type]} initiallyOpen={only === type} tabStop={tabStop} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EntityGroup({ type, count, initiallyOpen = false, tabStop }: { type: EntityType; count: number; initiallyOpen?: boolean; tabStop: (key: string) => boolean }) {
  const { db, caseId, nav } = useApp();
  const { inspector } = useNavigationState(nav);
  const [open, setOpen] = useState(initiallyOpen);
  const [limit, setLimit] = useState(PAGE);
  const members = useLiveQuery(() => (open ? listEntitiesOfType(db, caseId, type, limit) : Promise.resolve(null)), [db, caseId, type, open, limit]);
  const activeId = inspector.kind === 'entity' || inspector.kind === 'edit-entity' ? inspector.entityId : null;
  const groupKey = `group:${type}`;
  // A click inside a member is the member's: the group opens or closes only on its own row.
  const own = (e: React.MouseEvent) => (e.target as HTMLElement).closest('[role="treeitem"]') === e.currentTarget;
  return (
    <li
      className="entity-group"
      data-entity-type={type}
      role="treeitem"
      aria-expanded={open}
      tabIndex={tabStop(groupKey) ? 0 : -1}
      data-tree-key={groupKey}
      onClick={(e) => own(e) && setOpen((o) => !o)}
    >
      <div className="group-toggle">
        <span className={`chevron${open ? ' is-open' : ''}`} aria-hidden>▸</span>
        <span className={`type-dot entity-${type.toLowerCase()}`} aria-hidden />
        <span className="side-label">{ENTITY_TYPE_LABELS[type].plural}</span>
        <span className="count">{count}</span>
      </div>
      {open && (
        <ul className="side-list nested" role="group">
          {members?.map((entity) => {
            const key = `entity:${entity.id}`;
            return (
              <li
                key={entity.id}
                role="treeitem"
                aria-selected={entity.id === activeId}
                tabIndex={tabStop(key) ? 0 : -1}
                data-tree-key={key}
                className={`side-item${entity.id === activeId ? ' is-active' : ''}`}
                title={entity.name}
                onClick={() => nav.openInspector({ kind: 'entity', entityId: entity.id })}
              >
                <span className="side-link" data-entity-id={entity.id}>
                  <span className="side-label">{entity.name}</span>
                </span>
              </li>
            );
          })}
          {members && count > limit && (
            <li role="treeitem" aria-selected={false} tabIndex={tabStop(`more:${type}`) ? 0 : -1} data-tree-key={`more:${type}`} className="link-button more" onClick={() => setLimit((l) => l + PAGE)}>
              Show more
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
