import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { useNavigationState } from '../../app/navigation';

const LIMIT = 200;

export function SourcesSection() {
  const { db, caseId, nav } = useApp();
  const { main } = useNavigationState(nav);
  const sources = useLiveQuery(() => db.sources.where('caseId').equals(caseId).limit(LIMIT).toArray(), [db, caseId]);
  const activeId = main.kind === 'source' ? main.sourceId : null;
  return (
    <section className="side-section" aria-labelledby="sources-heading">
      <div className="side-heading">
        <h2 id="sources-heading">Sources</h2>
      </div>
      {sources && sources.length === 0 && <p className="side-empty">No sources in this case.</p>}
      <ul className="side-list" role="list">
        {sources?.map((source) => (
          <li key={source.id} className={`side-item${source.id === activeId ? ' is-active' : ''}`}>
            <button type="button" className="side-link" onClick={() => nav.openMain({ kind: 'source', sourceId: source.id })}>
              <span className="format-badge">{source.format.toUpperCase()}</span>
              <span className="side-label">{source.title}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
