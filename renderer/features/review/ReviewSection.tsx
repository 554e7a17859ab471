import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';
import { countPendingCandidates } from '../../db/candidates';

/** The sidebar's way into the review queue, with how many names wait, and the linker's progress. */
export function ReviewSection() {
  const { db, caseId, nav, linking } = useApp();
  const { main } = useNavigationState(nav);
  const pending = useLiveQuery(() => countPendingCandidates(db, caseId), [db, caseId]);
  const status = useSyncExternalStore(linking.subscribe, linking.getStatus);
  return (
    <section className="side-section review-section" aria-label="Review">
      <ul className="side-list" role="list">
        <li className={`side-item${main.kind === 'review' ? ' is-active' : ''}`}>
          <button type="button" className="side-link" aria-current={main.kind === 'review' ? 'page' : undefined} onClick={() => nav.openMain({ kind: 'review' })}>
            <span className="side-label">Review queue</span>
            {pending !== undefined && pending > 0 && <span className="count" data-testid="review-count">{pending}</span>}
          </button>
        </li>
      </ul>
      {status.pending > 0 && (
        <p className="linking-status" role="status">
          Linking names… {status.done} of {status.done + status.pending}
        </p>
      )}
      {status.error && <p className="linking-status error" role="status">Linking stopped: {status.error}</p>}
    </section>
  );
}
