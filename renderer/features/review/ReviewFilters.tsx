import { CANDIDATE_TYPES, ENTITY_TYPE_LABELS, type CandidateType } from '../../../shared/model';
import { useApp } from '../../app/context';
import type { QueueFilter, ReviewQueueView } from '../../db/candidates';
import { rejectAllMatching } from './bulk-actions';

/**
 * Narrow the queue to one type and one source, each choice with how many
 * candidates it holds; once narrowed, everything it holds can be rejected
 * at once ("Reject all 12 places from “Field report”").
 */
export function ReviewFilters({ view, filter, onFilter }: { view: ReviewQueueView; filter: QueueFilter; onFilter: (filter: QueueFilter) => void }) {
  const services = useApp();
  const allOfSource = CANDIDATE_TYPES.reduce((sum, t) => sum + view.byType[t], 0);
  const source = view.bySource.find((s) => s.sourceId === filter.sourceId);
  const what = [filter.type ? ENTITY_TYPE_LABELS[filter.type].plural.toLowerCase() : '', source ? `from “${source.title}”` : ''].filter(Boolean).join(' ');
  return (
    <div className="review-filters">
      <div className="review-type-filter" role="group" aria-label="Filter by type">
        <button type="button" className="filter-chip" aria-pressed={!filter.type} onClick={() => onFilter({ ...filter, type: undefined })}>
          All <span className="count">{allOfSource}</span>
        </button>
        {CANDIDATE_TYPES.map((t: CandidateType) => (
          <button
            key={t}
            type="button"
            className={`filter-chip entity-${t.toLowerCase()}`}
            aria-pressed={filter.type === t}
            data-type-filter={t}
            onClick={() => onFilter({ ...filter, type: filter.type === t ? undefined : t })}
          >
            <span className={`type-dot entity-${t.toLowerCase()}`} aria-hidden="true" />
            {ENTITY_TYPE_LABELS[t].plural} <span className="count">{view.byType[t]}</span>
          </button>
        ))}
      </div>
      <select
        className="review-source-filter"
        aria-label="Filter by source"
        value={filter.sourceId ?? ''}
        onChange={(e) => onFilter({ ...filter, sourceId: e.target.value || undefined })}
      >
        <option value="">All sources</option>
        {view.bySource.map((s) => (
          <option key={s.sourceId} value={s.sourceId}>
            {s.title} ({s.count})
          </option>
        ))}
      </select>
      {(filter.type || filter.sourceId) && view.matching > 0 && (
        <button type="button" className="subtle danger" onClick={() => void rejectAllMatching(services, filter, what)}>
          Reject all {view.matching} {what}
        </button>
      )}
    </div>
  );
}
