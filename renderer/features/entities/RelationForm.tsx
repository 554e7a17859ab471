import { useEffect, useState } from 'react';
import { RELATION_TYPES, type RelationType, type SourceQuote } from '../../../shared/model';
import { useApp } from '../../app/context';
import type { StoredEntity } from '../../db/database';
import { createRelation, evidenceFor } from '../../db/relations';
import { logError } from '../../bridge';
import { EntityPicker } from './EntityPicker';
import { isIsoPartialDate } from './property-fields';

const TYPES = Object.keys(RELATION_TYPES) as RelationType[];

/**
 * Adds a typed, dated relation from this entity to another, citing a passage
 * that names both: the case's sources are searched for sentences where the
 * two are mentioned close together, and the user picks the evidence.
 */
export function RelationForm({ entity, onDone }: { entity: StoredEntity; onDone: () => void }) {
  const { db, caseId, toasts } = useApp();
  const [type, setType] = useState<RelationType>('related_to');
  const [other, setOther] = useState<StoredEntity | null>(null);
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [evidence, setEvidence] = useState<SourceQuote[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!other) return;
    let live = true;
    setEvidence(null);
    void evidenceFor(db, entity.caseId, entity.id, other.id).then((found) => {
      if (!live) return;
      setEvidence(found);
      setChosen(found.length ? 0 : null);
    });
    return () => {
      live = false;
    };
  }, [db, entity.id, other]);

  const save = async () => {
    if (!other) return setError('Pick the other entity.');
    if (date.trim() && !isIsoPartialDate(date.trim())) return setError('Dates are written 2023, 2023-04 or 2023-04-14.');
    try {
      await createRelation(db, caseId, { type, fromId: entity.id, toId: other.id, date, description, quotes: chosen !== null && evidence?.[chosen] ? [evidence[chosen]] : [] });
      toasts.show({ tone: 'info', message: `${entity.name} ${RELATION_TYPES[type].forward} ${other.name}.` });
      onDone();
    } catch (e) {
      logError('Adding a relation failed', e);
      setError(e instanceof Error ? e.message : 'The relation could not be saved.');
    }
  };

  return (
    <form
      className="relation-form"
      aria-label="New relation"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
    >
      <label>
        {entity.name}
        <select aria-label="Relation type" value={type} onChange={(e) => setType(e.target.value as RelationType)}>
          {TYPES.map((t) => (
            <option key={t} value={t}>{RELATION_TYPES[t].forward}</option>
          ))}
        </select>
      </label>
      {other ? (
        <p className="relation-other">
          <span className={`type-dot entity-${other.type.toLowerCase()}`} aria-hidden="true" /> {other.name}{' '}
          <button type="button" className="link-button" onClick={() => setOther(null)}>change</button>
        </p>
      ) : (
        <EntityPicker label="Related to…" exclude={entity.id} onPick={setOther} onCancel={onDone} />
      )}
      <label>
        Date <span className="hint">optional: 2023, 2023-04 or 2023-04-14</span>
        <input value={date} onChange={(e) => setDate(e.target.value)} placeholder="YYYY-MM-DD" aria-label="Relation date" />
      </label>
      <label>
        Note <span className="hint">optional</span>
        <input value={description} onChange={(e) => setDescription(e.target.value)} aria-label="Relation note" />
      </label>
      {other && (
        <fieldset className="evidence">
          <legend>Evidence</legend>
          {evidence === null && <p className="muted">Looking for passages that name both…</p>}
          {evidence?.length === 0 && <p className="muted">No source names both close together; the relation will have no citation.</p>}
          {evidence?.map((q, i) => (
            <label key={`${q.sourceId}:${q.start}`} className="evidence-option">
              <input type="radio" name="evidence" checked={chosen === i} onChange={() => setChosen(i)} />
              <span>“{q.quote.length > 220 ? `${q.quote.slice(0, 219)}…` : q.quote}”</span>
            </label>
          ))}
          {evidence && evidence.length > 0 && (
            <label className="evidence-option">
              <input type="radio" name="evidence" checked={chosen === null} onChange={() => setChosen(null)} />
              <span className="muted">No citation</span>
            </label>
          )}
        </fieldset>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!other}>Add relation</button>
        <button type="button" onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
