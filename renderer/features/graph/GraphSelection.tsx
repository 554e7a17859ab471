import { ENTITY_TYPE_LABELS, RELATION_TYPES, type Entity, type Relation } from '../../../shared/model';
import { useApp } from '../../app/context';
import { QuoteCitation } from '../entities/QuoteCitation';
import { formatPartialDate, parsePartialDate } from '../timeline/partial-date';

const dateLabel = (iso: string) => {
  const parsed = parsePartialDate(iso);
  return parsed ? formatPartialDate(parsed) : iso;
};

/** The clicked relation: who did what to whom, when, and the passages that say so. */
export function EdgeDetails({ relation, from, to }: { relation: Relation; from: Entity | undefined; to: Entity | undefined }) {
  const { nav } = useApp();
  const end = (entity: Entity | undefined) =>
    entity ? (
      <button type="button" className={`entity-link entity-${entity.type.toLowerCase()}`} onClick={() => nav.openInspector({ kind: 'entity', entityId: entity.id })}>
        <span className="type-dot" aria-hidden="true" />
        {entity.name}
      </button>
    ) : (
      <span className="muted">(deleted entity)</span>
    );
  return (
    <section className="graph-selection" aria-label="Selected relation" data-relation-id={relation.id}>
      <h2 className="inspector-section">Relation</h2>
      <p className="graph-edge-sentence">
        {end(from)} <span className="relation-verb">{RELATION_TYPES[relation.type].forward}</span> {end(to)}
      </p>
      {relation.date && <p className="graph-edge-date">{dateLabel(relation.date)}</p>}
      {relation.description && <p className="entity-description">{relation.description}</p>}
      {relation.quotes.length === 0 ? (
        <p className="muted">No citation for this relation yet.</p>
      ) : (
        <div className="entity-quotes" aria-label="Citations">
          {relation.quotes.map((q) => (
            <QuoteCitation key={`${q.sourceId}:${q.start}`} quote={q} max={200} />
          ))}
        </div>
      )}
    </section>
  );
}

/** The clicked entity: open in the inspector already; here, what the graph can do with it. */
export function NodeDetails({ entity, expanded, isFocus, onToggleExpand }: { entity: Entity; expanded: boolean; isFocus: boolean; onToggleExpand: () => void }) {
  const { nav } = useApp();
  return (
    <section className="graph-selection" aria-label="Selected entity" data-entity-id={entity.id}>
      <h2 className="inspector-section">Entity</h2>
      <p className="graph-node-name">
        <span className={`type-badge entity-${entity.type.toLowerCase()}`}>{ENTITY_TYPE_LABELS[entity.type].singular}</span> {entity.name}
      </p>
      <div className="graph-node-actions">
        {!isFocus && (
          <button type="button" className="subtle" onClick={onToggleExpand} aria-pressed={expanded}>
            {expanded ? 'Hide its neighbours' : 'Show its neighbours'}
          </button>
        )}
        {!isFocus && (
          <button type="button" className="subtle" onClick={() => nav.openMain({ kind: 'graph', focusId: entity.id })}>
            Centre here
          </button>
        )}
      </div>
    </section>
  );
}
