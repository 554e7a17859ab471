import { useState } from 'react';
import { ENTITY_TYPE_LABELS, type CandidatePassage, type CandidateRecord, type EntityType } from '../../../shared/model';
import { useApp, type AppServices } from '../../app/context';
import { acceptCandidate, acceptCandidateAsAlias, rejectCandidate, unrejectCandidate } from '../../db/candidates';
import { EntityPicker } from '../entities/EntityPicker';
import { reportFailure } from '../../app/report-failure';
import { TYPE_CHOICES } from './BulkBar';

const failed = (services: AppServices, what: string) => (error: unknown) => reportFailure(services.toasts, what, error);

/** Passages shown per candidate. */
const PASSAGES_SHOWN = 3;

interface ShownPassage extends CandidatePassage {
  sourceId: string;
}

/** Up to three passages across the candidate's sources, the first source's first; old rows have one snippet per source. */
function passagesOf(candidate: CandidateRecord): ShownPassage[] {
  const out: ShownPassage[] = [];
  for (const sighting of candidate.sightings) {
    const passages = sighting.passages ?? [{ start: sighting.start, end: sighting.end, text: sighting.snippet, markStart: 0, markEnd: 0 }];
    for (const passage of passages) out.push({ ...passage, sourceId: sighting.sourceId });
  }
  // One from each source before a second from any.
  const bySource = new Map<string, ShownPassage[]>();
  for (const p of out) bySource.set(p.sourceId, [...(bySource.get(p.sourceId) ?? []), p]);
  const picked: ShownPassage[] = [];
  for (let round = 0; picked.length < PASSAGES_SHOWN && round < PASSAGES_SHOWN; round++) {
    for (const list of bySource.values()) if (list[round] && picked.length < PASSAGES_SHOWN) picked.push(list[round]!);
  }
  return picked;
}

function Highlighted({ passage }: { passage: CandidatePassage }) {
  const { text, markStart, markEnd } = passage;
  if (markEnd <= markStart) return <>{text}</>;
  return (
    <>
      {text.slice(0, markStart)}
      <mark>{text.slice(markStart, markEnd)}</mark>
      {text.slice(markEnd)}
    </>
  );
}

export function CandidateRow({
  candidate,
  sourceTitles,
  selected,
  onSelect,
}: {
  candidate: CandidateRecord;
  sourceTitles: ReadonlyMap<string, string>;
  selected: boolean;
  onSelect: (shift: boolean) => void;
}) {
  const services = useApp();
  const { db, nav, toasts } = services;
  const [type, setType] = useState<EntityType>(candidate.type);
  const [aliasing, setAliasing] = useState(false);
  const sources = candidate.sightings.length;

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
    <li className={`candidate${selected ? ' is-selected' : ''}`} data-candidate-key={candidate.key}>
      <div className="candidate-main">
        <input
          type="checkbox"
          className="candidate-check"
          aria-label={`Select ${candidate.name}`}
          checked={selected}
          // The click, not the change: only the click knows whether shift was held.
          onClick={(e) => onSelect(e.shiftKey)}
          onChange={() => undefined}
        />
        <span className={`type-dot entity-${type.toLowerCase()}`} aria-hidden="true" />
        <span className="candidate-name">{candidate.name}</span>
        <span className="count" title="Times found">{candidate.count}×</span>
        {sources > 1 && <span className="count" title="Sources it was found in">in {sources} sources</span>}
        <select aria-label={`Type for ${candidate.name}`} value={type} onChange={(e) => setType(e.target.value as EntityType)}>
          {TYPE_CHOICES.map((t) => (
            <option key={t} value={t}>{ENTITY_TYPE_LABELS[t].singular}</option>
          ))}
        </select>
        <div className="candidate-actions">
          <button type="button" className="primary-button small" onClick={() => void accept()}>Accept</button>
          <button type="button" className="subtle" onClick={() => setAliasing((a) => !a)} aria-expanded={aliasing}>Alias of…</button>
          <button type="button" className="subtle danger" onClick={() => void reject()}>Reject</button>
        </div>
      </div>
      <ul className="candidate-passages" role="list">
        {passagesOf(candidate).map((p) => (
          <li key={`${p.sourceId}:${p.start}`}>
            <button
              type="button"
              className="candidate-snippet"
              title={`Show the passage in “${sourceTitles.get(p.sourceId) ?? 'its source'}”`}
              onClick={() => nav.openMain({ kind: 'source', sourceId: p.sourceId, highlight: { start: p.start, end: p.end } })}
            >
              “<Highlighted passage={p} />”
              {sources > 1 && <span className="muted candidate-source"> — {sourceTitles.get(p.sourceId) ?? 'a source'}</span>}
            </button>
          </li>
        ))}
      </ul>
      {aliasing && (
        <EntityPicker
          label={`“${candidate.name}” is another name of…`}
          similarTo={candidate.name}
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
