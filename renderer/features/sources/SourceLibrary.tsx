import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { shortcutLabel } from '../../app/key-platform';
import { reportReady } from '../../app/readiness';
import { summarize } from '../../db/sources';
import { useChooseAndImport } from './import/use-import-actions';
import { formatBytes, formatStatedDate, formatTime } from '../../format';

/** The case's sources as a table: what each is, where it came from, and its fingerprint. */
export function SourceLibrary() {
  const { db, caseId, nav } = useApp();
  const chooseAndImport = useChooseAndImport();
  const rows = useLiveQuery(async () => (await db.sources.where('caseId').equals(caseId).toArray()).map(summarize).sort((a, b) => b.importedAt - a.importedAt), [db, caseId]);
  useEffect(() => {
    if (rows) reportReady('main');
  }, [rows]);
  return (
    <section className="library">
      <header className="library-header">
        <h1>Source library</h1>
        <button type="button" className="primary-button" onClick={() => void chooseAndImport()}>Import sources…</button>
      </header>
      {rows && rows.length === 0 && (
        <div className="empty-state">
          <h2>No sources yet</h2>
          <p>Import PDFs, Word documents, saved web pages, Markdown, text and email with {shortcutLabel('import')}, or drop files and folders on the window.</p>
        </div>
      )}
      {rows && rows.length > 0 && (
        <table className="library-table">
          <thead>
            <tr><th>Title</th><th>Format</th><th className="num">Pages</th><th className="num">Size</th><th>Imported</th><th>Author</th><th>Date</th><th>Fingerprint</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-source-id={r.id} className={r.parentId ? 'is-child' : undefined} onClick={() => nav.openMain({ kind: 'source', sourceId: r.id })}>
                <td className="title-cell">
                  <button type="button" className="link-button" onClick={(e) => { e.stopPropagation(); nav.openMain({ kind: 'source', sourceId: r.id }); }}>{r.title}</button>
                  {r.fileName && <span className="file-name">{r.fileName}</span>}
                </td>
                <td><span className="format-badge">{r.format.toUpperCase()}</span></td>
                <td className="num">{r.pageCount ?? '—'}</td>
                <td className="num">{formatBytes(r.size)}</td>
                <td>{formatTime(r.importedAt)}</td>
                <td>{r.author ?? '—'}</td>
                <td>{formatStatedDate(r.date) || '—'}</td>
                <td className="mono" title={`sha256 ${r.sha256}`}>{r.sha256.slice(0, 12)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
