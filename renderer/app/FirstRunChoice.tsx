import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from './context';
import { caseSwitcher } from './case-switcher-control';
import { isFirstRunChoicePending, settleFirstRunChoice } from './first-run';
import { reportFailure } from './report-failure';

/**
 * The first-run choice, at the top of the sidebar until answered: start
 * one's own case (the switcher's New case… form), or explore the sample the
 * app opened on. Not a dialog: the sample stays usable around it.
 */
export function FirstRunChoice() {
  const { db, toasts } = useApp();
  const pending = useLiveQuery(() => isFirstRunChoicePending(db), [db]);
  if (!pending) return null;
  const answer = (then?: () => void) =>
    void settleFirstRunChoice(db).then(then, (error: unknown) => reportFailure(toasts, 'Saving your choice', error));
  return (
    <section className="first-run" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Welcome to Casebook</h2>
      <p>This is a sample case. Start your own, or explore it first: it stays in the case switcher, and Help → Add the sample case brings it back.</p>
      <div className="first-run-actions">
        <button type="button" className="primary-button small" onClick={() => answer(() => caseSwitcher.open('new'))}>
          Start a new case…
        </button>
        <button type="button" className="subtle" onClick={() => answer()}>
          Explore the sample
        </button>
      </div>
    </section>
  );
}
