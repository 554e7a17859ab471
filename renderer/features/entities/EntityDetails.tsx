import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { ENTITY_TYPE_LABELS, RELATION_TYPES } from '../../../shared/model';
import { useApp } from '../../app/context';
import { backlinksOf, relationsOf } from '../../db/entities';
import { getInCase } from '../../db/case-scope';
import { EntityPicker } from './EntityPicker';
import { QuoteCitation } from './QuoteCitation';
import { RelationForm } from './RelationForm';
import { deleteRelation } from '../../db/relations';
import { deleteWithUndo, mergeWithUndo } from './entity-actions';

/** Backlinks shown at once; the rest one click away, so a common name never floods the pane. */
const BACKLINK_PAGE = 100;

/** Everything the case knows about one entity, each passage one click from its place. */
export function EntityDetails({ entityId }: { entityId: string }) {
  const services = useApp();
  const { db, caseId, nav } = services;
  const [merging, setMerging] = useState(false);
  const [relating, setRelating] = useState(false);
  const [shown, setShown] = useState(BACKLINK_PAGE);
  const entity = useLiveQuery(async () => (await getInCase(db.entities, caseId, entityId)) ?? null, [caseId, entityId]);
  const relations = useLiveQuery(() => relationsOf(db, caseId, entityId), [caseId, entityId]);
  const backlinks = useLiveQuery(() => backlinksOf(db, caseId, entityId), [caseId, entityId]);

  if (entity === undefined) return <div className="pane-loading">Loading…</div>;
  if (entity === null) {
    return (
      <div className="empty-state small">
        <h2>Entity not found</h2>
        <p>It may have been deleted.</p>
      </div>
    );
  }

  const properties = Object.entries(entity.properties).filter(([, v]) => v !== null && v !== '');
  const noteLinks = backlinks?.filter((b) => b.target.kind === 'note') ?? [];
  const sourceLinks = (backlinks?.filter((b) => b.target.kind === 'source') ?? []).slice(0, Math.max(0, shown - noteLinks.length));
  const hidden = (backlinks?.length ?? 0) - noteLinks.length - sourceLinks.length;

  return (
    <div className="entity-details" data-entity-id={entity.id}>
      <header className="inspector-header">
        <span className={`type-badge entity-${entity.type.toLowerCase()}`}>{ENTITY_TYPE_LABELS[entity.type].singular}</span>
        {entity.protected && <span className="protected-badge" title="Redacted in briefing exports">Protected</span>}
        <h2 className="entity-name">{entity.name}</h2>
        <div className="inspector-actions">
          <button type="button" className="subtle" title="Show in graph" aria-label="Show in graph" onClick={() => nav.openMain({ kind: 'graph', focusId: entity.id })}>
            Graph
          </button>
          <button type="button" className="subtle" onClick={() => nav.openInspector({ kind: 'edit-entity', entityId: entity.id })}>
            Edit
          </button>
          <button type="button" className="subtle" onClick={() => setMerging((m) => !m)} aria-expanded={merging}>
            Merge…
          </button>
          <button type="button" className="subtle danger" onClick={() => void deleteWithUndo(services, entity.id)}>
            Delete
          </button>
        </div>
      </header>
      {merging && (
        <div className="merge-panel">
          <p className="hint">Merge another entity into <strong>{entity.name}</strong>: its names become aliases here, and its mentions and relations move here.</p>
          <EntityPicker
            label="Entity to merge in…"
            exclude={entity.id}
            onCancel={() => setMerging(false)}
            onPick={(other) => {
              setMerging(false);
              void mergeWithUndo(services, entity.id, other.id);
            }}
          />
        </div>
      )}

      {entity.aliases.length > 0 && (
        <div className="aliases" aria-label="Aliases">
          {entity.aliases.map((alias) => (
            <span key={alias} className="alias-chip">{alias}</span>
          ))}
        </div>
      )}
      {entity.description && <p className="entity-description">{entity.description}</p>}

      {entity.type === 'Figure' && entity.quotes.length > 0 && (
        <div className="entity-quotes" aria-label="Stated in">
          {entity.quotes.slice(0, 3).map((q) => (
            <QuoteCitation key={`${q.sourceId}:${q.start}`} quote={q} />
          ))}
        </div>
      )}

      {properties.length > 0 && (
        <dl className="properties">
          {properties.map(([key, value]) => (
            <div key={key} className="property">
              <dt>{humanize(key)}</dt>
              <dd>{typeof value === 'number' ? value.toLocaleString() : String(value)}</dd>
            </div>
          ))}
        </dl>
      )}

      <h3 className="inspector-section">
        Relations {relations && <span className="count">{relations.length}</span>}
        <button type="button" className="icon-button" title="Add a relation" aria-label="Add a relation" onClick={() => setRelating(true)}>+</button>
      </h3>
      {relating && <RelationForm entity={entity} onDone={() => setRelating(false)} />}
      {relations && relations.length === 0 && !relating && <p className="muted">No relations yet.</p>}
      <ul className="relations" role="list">
        {relations?.map(({ relation, direction, other }) => (
          <li key={`${relation.id}-${direction}`} className="relation">
            <span className="relation-verb">{RELATION_TYPES[relation.type][direction]}</span>{' '}
            {other ? (
              <button type="button" className="entity-link" onClick={() => nav.openInspector({ kind: 'entity', entityId: other.id })}>
                <span className={`type-dot entity-${other.type.toLowerCase()}`} aria-hidden />
                {other.name}
              </button>
            ) : (
              <span className="muted">(deleted entity)</span>
            )}
            {relation.date && <span className="relation-date">{relation.date}</span>}
            <button
              type="button"
              className="relation-delete"
              title="Delete this relation"
              aria-label={`Delete relation ${RELATION_TYPES[relation.type][direction]} ${other?.name ?? ''}`}
              onClick={() =>
                void deleteRelation(db, relation.id).then((gone) =>
                  services.toasts.show({ tone: 'info', message: 'Relation deleted.', action: { label: 'Undo', run: () => void db.relations.add(gone) } }),
                )
              }
            >
              ×
            </button>
            {relation.quotes.slice(0, 2).map((q) => (
              <QuoteCitation key={`${q.sourceId}:${q.start}`} quote={q} max={120} />
            ))}
          </li>
        ))}
      </ul>

      <h3 className="inspector-section">Mentioned in {backlinks && <span className="count">{backlinks.length}</span>}</h3>
      {backlinks && backlinks.length === 0 && <p className="muted">No note or source mentions it yet. Type @ in a note to mention it.</p>}
      {noteLinks.length > 0 && (
        <ul className="backlinks" role="list" aria-label="Notes">
          {noteLinks.map((b) =>
            b.target.kind === 'note' ? (
              <li key={b.mention.id}>
                <button
                  type="button"
                  className="backlink"
                  data-backlink-kind="note"
                  data-target-id={b.target.note.id}
                  onClick={() => nav.openMain({ kind: 'note', noteId: b.mention.targetId, focus: { entityId, occurrence: b.occurrence } })}
                >
                  <span className="backlink-target">✎ {b.target.note.title}</span>
                  <span className="backlink-snippet">{b.mention.snippet}</span>
                </button>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {sourceLinks.length > 0 && (
        <ul className="backlinks" role="list" aria-label="Source passages">
          {sourceLinks.map((b) =>
            b.target.kind === 'source' ? (
              <li key={b.mention.id}>
                <button
                  type="button"
                  className="backlink"
                  data-backlink-kind="source"
                  data-target-id={b.target.source.id}
                  onClick={() => nav.openMain({ kind: 'source', sourceId: b.mention.targetId, highlight: { start: b.mention.start, end: b.mention.end } })}
                >
                  <span className="backlink-target">❡ {b.target.source.title}{b.mention.status === 'suggested' && <span className="found-badge" title="Found by the linker">found</span>}</span>
                  <span className="backlink-snippet">“{b.mention.snippet}”</span>
                </button>
              </li>
            ) : null,
          )}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" className="link-button more" onClick={() => setShown((n) => n + BACKLINK_PAGE * 5)}>
          Show {Math.min(hidden, BACKLINK_PAGE * 5).toLocaleString()} more of {hidden.toLocaleString()}
        </button>
      )}
    </div>
  );
}

const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
