import { useSyncExternalStore } from 'react';
import { useApp } from '../../app/context';

/**
 * What extraction is reading now: a long document is read to its end, a
 * slice at a time, and this says how far it got, so a short queue never
 * looks final while names are still coming.
 */
export function ReadingStatus() {
  const { linking } = useApp();
  const { reading } = useSyncExternalStore(linking.subscribe, linking.getStatus);
  if (!reading) return null;
  const percent = reading.total === 0 ? 100 : Math.floor((reading.done / reading.total) * 100);
  return (
    <div className="review-reading" role="status" data-testid="review-reading">
      <span>
        Reading “{reading.title}” for names… {percent}%{reading.waiting > 0 ? `, then ${reading.waiting} more source${reading.waiting === 1 ? '' : 's'}` : ''}
      </span>
      <div className="progress" aria-hidden="true">
        <div style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
