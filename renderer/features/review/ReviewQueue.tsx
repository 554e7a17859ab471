import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { reviewQueue, type QueueFilter } from '../../db/candidates';
import { CandidateRow } from './CandidateRow';
import { BulkBar } from './BulkBar';
import { ReadingStatus } from './ReadingStatus';
import { ReviewFilters } from './ReviewFilters';
import { NO_SELECTION, clickRow, keepShown, toggleAll, type QueueSelection } from './selection';

/**
 * Names extraction found in imported sources that are not entities yet, the
 * best evidenced first. The header stays put while the list scrolls in its
 * own pane: what is being read, filters by type and source (with counts),
 * and the bulk bar (select with the checkboxes, shift-click for a range, or
 * select all; then reject, or accept as a type, with Undo). Each row can be
 * accepted, retyped, made an alias of an entity, or rejected on its own.
 */
export function ReviewQueue() {
  const services = useApp();
  const { db, caseId } = services;
  const [filter, setFilter] = useState<QueueFilter>({});
  const [selection, setSelection] = useState<QueueSelection>(NO_SELECTION);
  const view = useLiveQuery(() => reviewQueue(db, caseId, filter), [db, caseId, filter.sourceId, filter.type]);
  const order = useMemo(() => view?.shown.map((c) => c.id) ?? [], [view]);
  useEffect(() => {
    if (view !== undefined) reportReady('main');
  }, [view]);
  // Rows that left the queue (accepted, rejected, filtered out) leave the selection too.
  useEffect(() => setSelection((s) => keepShown(s, order)), [order]);

  const sourceTitles = new Map(view?.bySource.map((s) => [s.sourceId, s.title]));
  return (
    <div className="review-queue">
      <header className="review-header">
        <div className="review-title">
          <h1>Review queue</h1>
          <p className="muted">
            {view ? `${view.total} name${view.total === 1 ? '' : 's'} found in your sources that are not entities yet, best evidenced first.` : 'Names found in your sources that are not entities yet.'}
          </p>
        </div>
        <ReadingStatus />
        {view && view.total > 0 && (
          <>
            <ReviewFilters view={view} filter={filter} onFilter={setFilter} />
            <BulkBar
              selected={[...selection.ids]}
              shown={order.length}
              matching={view.matching}
              allSelected={order.length > 0 && order.every((id) => selection.ids.has(id))}
              onToggleAll={() => setSelection((s) => toggleAll(s, order))}
              onClear={() => setSelection(NO_SELECTION)}
            />
          </>
        )}
      </header>
      <div className="review-scroll" data-testid="review-scroll">
        {view === undefined && <div className="pane-loading">Loading…</div>}
        {view?.total === 0 && (
          <div className="empty-state">
            <h2>Nothing to review</h2>
            <p>When you import a document, the people, organizations and places it names that the case doesn’t know yet appear here.</p>
          </div>
        )}
        {view && view.total > 0 && view.shown.length === 0 && <p className="empty-state">No candidate matches these filters.</p>}
        {view && view.shown.length > 0 && (
          <ul className="candidates" role="list" aria-label="Candidates">
            {view.shown.map((c) => (
              <CandidateRow
                key={c.id}
                candidate={c}
                sourceTitles={sourceTitles}
                selected={selection.ids.has(c.id)}
                onSelect={(shift) => setSelection((s) => clickRow(s, order, c.id, shift))}
              />
            ))}
          </ul>
        )}
        {view && view.matching > view.shown.length && (
          <p className="muted review-more">
            Showing the best {view.shown.length} of {view.matching}. Reject or accept some, or narrow the filters, to see the rest.
          </p>
        )}
      </div>
    </div>
  );
}
