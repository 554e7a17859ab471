import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { shortcutLabel } from '../../app/key-platform';
import { useNavigationState } from '../../app/navigation';
import { useChooseAndImport } from './import/use-import-actions';
import { liveSources } from '../../db/sources';
import { sourceTitle } from '../../../shared/model';

const LIMIT = 200;

export function SourcesSection() {
  const { db, caseId, nav } = useApp();
  const { main } = useNavigationState(nav);
  const chooseAndImport = useChooseAndImport();
  const sources = useLiveQuery(() => liveSources(db, caseId).limit(LIMIT).toArray(), [db, caseId]);
  const activeId = main.kind === 'source' ? main.sourceId : null;
  return (
    <section className="side-section" aria-labelledby="sources-heading">
      <div className="side-heading">
        <h2 id="sources-heading">
          <button type="button" className="heading-link" onClick={() => nav.openMain({ kind: 'library' })} title="Open the source library">
            Sources {sources && <span className="count">{sources.length}</span>}
          </button>
        </h2>
        <button type="button" className="icon-button" title={`Import sources (${shortcutLabel('import')})`} aria-label="Import sources" onClick={() => void chooseAndImport()}>
          +
        </button>
      </div>
      {sources && sources.length === 0 && (
        <p className="side-empty">
          No sources yet. <button type="button" className="link-button" onClick={() => void chooseAndImport()}>Import files</button> or drop them here.
        </p>
      )}
      <ul className="side-list" role="list">
        {sources?.map((source) => (
          <li key={source.id} className={`side-item${source.id === activeId ? ' is-active' : ''}${source.parentId ? ' is-child' : ''}`} data-source-id={source.id}>
            <button type="button" className="side-link" title={sourceTitle(source)} onClick={() => nav.openMain({ kind: 'source', sourceId: source.id })}>
              <span className="format-badge">{source.format.toUpperCase()}</span>
              <span className="side-label">{sourceTitle(source)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
