import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { CANDIDATE_TYPES, ENTITY_TYPES, ENTITY_TYPE_LABELS, type CandidateRecord, type EntityType } from '../../../shared/model';
import { useApp, type AppServices } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { acceptCandidate, acceptCandidateAsAlias, listPendingCandidates, rejectCandidate, unrejectCandidate } from '../../db/candidates';
import { EntityPicker } from '../entities/EntityPicker';
import { reportFailure } from '../../app/report-failure';

const failed = (services: AppServices, what: string) => (error: unknown) => reportFailure(services.toasts, what, error);

/**
 * Names extraction found in imported sources that are not entities yet,
 * most-seen first. Each can be accepted as a new entity (its type can be
 * changed first), accepted as another name of an existing entity, or
 * rejected for the case. Accepting re-links the case, so the new name is
 * found everywhere.
 */
export function ReviewQueue() {
  const services = useApp();
  const { db, caseId } = services;
  const candidates = useLiveQuery(() => listPendingCandidates(db, caseId), [db, caseId]);
  useEffect(() => {
    if (candidates !== undefined) reportReady('main');
  }, [candidates]);

  return (
    <div className="review-queue">
      <header className="view-header">
        <h1>Review queue</h1>
        <p className="muted">Names found in your sources that are not entities yet.</p>
      </header>
      {candidates === undefined && <div className="pane-loading">Loading…</div>}
      {candidates?.length === 0 && (
        <div className="empty-state">
          <h2>Nothing to review</h2>
          <p>When you import a document, the people, organizations and places it names that the case doesn’t know yet appear here.</p>
        </div>
      )}
      {candidates && candidates.length > 0 && (
        <ul className="candidates" role="list" aria-label="Candidates">
          {candidates.map((c) => (
            <CandidateRow key={c.id} candidate={c} services={services} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CandidateRow({ candidate, services }: { candidate: CandidateRecord; services: AppServices }) {
  const { db, nav, toasts } = services;
  const [type, setType] = useState<EntityType>(candidate.type);
  const [aliasing, setAliasing] = useState(false);
  const first = candidate.sightings[0];

  const accept = () =>
    acceptCandidate(db, candidate.id, { type }).then((entityId) => {
      nav.openInspector({ kind: 'entity', entityId });
      toasts.show({ tone: 'info', message: `Added “${candidate.name}” as ${ENTITY_TYPE_LABELS[type].singular.toLowerCase()}; linking it across the case.` });
    }, failed(services, 'Accepting'));
  const reject = () =>
    rejectCandidate(db, candidate.id).then(
      () => toasts.show({ tone: 'info', message: `Rejected “${candidate.name}” for this case.`, action: { label: 'Undo', run: () => void unrejectCandidate(db, candidate.id) } }),
      failed(services, 'Rejecting'),
    );

  return (
    <li className="candidate" data-candidate-key={candidate.key}>
      <div className="candidate-main">
        <span className={`type-dot entity-${type.toLowerCase()}`} aria-hidden="true" />
        <span className="candidate-name">{candidate.name}</span>
        <span className="count" title="Times found">{candidate.count}×</span>
        <select aria-label={`Type for ${candidate.name}`} value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {[...CANDIDATE_TYPES, ...ENTITY_TYPES.filter((t) => !(CANDIDATE_TYPES as readonly string[]).includes(t))].map((t) => (
            <option key={t} value={t}>{ENTITY_TYPE_LABELS[t].singular}</option>
          ))}
        </select>
        <div className="candidate-actions">
          <button type="button" className="primary-button small" onClick={() => void accept()}>Accept</button>
          <button type="button" className="subtle" onClick={() => setAliasing((a) => !a)} aria-expanded={aliasing}>Alias of…</button>
          <button type="button" className="subtle danger" onClick={() => void reject()}>Reject</button>
        </div>
      </div>
      {first && (
        <button
          type="button"
          className="backlink-snippet candidate-snippet"
          title="Show the passage in its source"
          onClick={() => nav.openMain({ kind: 'source', sourceId: first.sourceId, highlight: { start: first.start, end: first.end } })}
        >
          “{first.snippet}”{candidate.sightings.length > 1 && <span className="muted"> and {candidate.sightings.length - 1} more source{candidate.sightings.length > 2 ? 's' : ''}</span>}
        </button>
      )}
      {aliasing && (
        <EntityPicker
          label={`“${candidate.name}” is another name of…`}
          onCancel={() => setAliasing(false)}
          onPick={(entity) =>
            void acceptCandidateAsAlias(db, candidate.id, entity.id).then(() => {
              toasts.show({ tone: 'info', message: `Added “${candidate.name}” as a name of ${entity.name}.` });
              nav.openInspector({ kind: 'entity', entityId: entity.id });
            }, failed(services, 'Adding the alias'))
          }
        />
      )}
    </li>
  );
}
