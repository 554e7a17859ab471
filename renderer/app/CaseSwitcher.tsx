import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from './context';
import { openCase } from './ui-state';

/** With more than one case in the store (after a restore), a menu to open another. */
export function CaseSwitcher() {
  const { db, caseId } = useApp();
  const cases = useLiveQuery(() => db.cases.toArray(), [db]);
  if (!cases || cases.length < 2) return null;
  return (
    <select className="case-switcher" aria-label="Open case" value={caseId} onChange={(e) => void openCase(db, e.target.value)}>
      {cases.map((c) => (
        <option key={c.id} value={c.id}>{c.title}</option>
      ))}
    </select>
  );
}
