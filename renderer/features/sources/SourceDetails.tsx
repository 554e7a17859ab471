import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { reportFailure } from '../../app/report-failure';
import { getInCase } from '../../db/case-scope';
import { liveSources, restoreSource, revertSourceEdit, setSourceTags } from '../../db/sources';
import { distinctTags, editedFields, importedFacts, sourceFacts, type Source, type SourceEditableField } from '../../../shared/model';
import { formatBytes, formatStatedDate, formatTime } from '../../format';
import { TagInput } from '../tags/TagInput';
import { SourceForm } from './SourceForm';
import { useSourceActions } from './use-source-actions';

const FIELD_LABELS: Record<SourceEditableField, string> = { title: 'Title', author: 'Author', date: 'Date', url: 'URL', notes: 'Notes' };

/** How a fact reads: dates as the user reads them, nothing as a dash. */
const shown = (field: SourceEditableField, value: string) => (field === 'date' ? formatStatedDate(value) : value) || '—';

/**
 * A source in the inspector: what the file states and what the user
 * corrected (both, with Revert), its tags, its original (open it, show it in
 * its folder), and Delete, which moves it to the Trash.
 */
export function SourceDetails({ sourceId, editing }: { sourceId: string; editing: boolean }) {
  const { db, caseId, nav, toasts, linking } = useApp();
  const actions = useSourceActions();
  const source = useLiveQuery(async () => (await getInCase(db.sources, caseId, sourceId)) ?? null, [caseId, sourceId]);
  const caseTags = useLiveQuery(async () => distinctTags((await liveSources(db, caseId).toArray()).map((s) => s.tags)), [caseId]);

  if (source === undefined) return <div className="pane-loading">Loading…</div>;
  if (source === null) {
    return (
      <div className="empty-state small">
        <h2>Source not found</h2>
        <p>It may have been deleted for good.</p>
      </div>
    );
  }
  if (source.deletedAt !== undefined) {
    return (
      <div className="empty-state small">
        <h2>This source is in the Trash</h2>
        <p>Citations of it show as broken until it is restored.</p>
        <button
          type="button"
          className="primary-button small"
          onClick={() =>
            void restoreSource(db, source.id)
              .then((ids) => linking.sourcesRestored(ids))
              .catch((error: unknown) => reportFailure(toasts, 'Restoring the source', error))
          }
        >
          Restore
        </button>
      </div>
    );
  }
  if (editing) return <SourceForm source={source} onDone={() => nav.openInspector({ kind: 'source', sourceId: source.id })} />;

  const facts = sourceFacts(source);
  const imported = importedFacts(source);
  const edited = new Set(editedFields(source));
  const revert = (field: SourceEditableField) => void revertSourceEdit(db, caseId, source.id, field).catch((error: unknown) => reportFailure(toasts, 'Reverting the edit', error));

  return (
    <div className="source-details" data-source-id={source.id}>
      <header className="inspector-header">
        <span className="format-badge">{source.format.toUpperCase()}</span>
        <h2 className="entity-name">{facts.title}</h2>
        <div className="inspector-actions">
          <button type="button" className="subtle" onClick={() => nav.openMain({ kind: 'source', sourceId: source.id })}>
            Read
          </button>
          <button type="button" className="subtle" onClick={() => nav.openInspector({ kind: 'source', sourceId: source.id, editing: true })}>
            Edit
          </button>
          <button type="button" className="subtle danger" title="Move to the Trash (Undo available)" onClick={() => void actions.trash(source.id)}>
            Delete
          </button>
        </div>
      </header>
      {edited.has('title') && <EditedNote field="title" imported={imported.title} onRevert={revert} />}

      <dl className="properties source-facts">
        {(['author', 'date', 'url', 'notes'] as const).map((field) => (
          <div key={field} className="property" data-field={field}>
            <dt>{FIELD_LABELS[field]}</dt>
            <dd>
              <span className={field === 'notes' ? 'source-notes' : undefined}>{shown(field, facts[field])}</span>
              {edited.has(field) && <EditedNote field={field} imported={imported[field]} onRevert={revert} />}
            </dd>
          </div>
        ))}
      </dl>

      <h3 className="inspector-section">Tags</h3>
      <TagInput
        label="Source tags"
        tags={source.tags ?? []}
        suggestions={caseTags ?? []}
        onChange={(tags) => void setSourceTags(db, caseId, source.id, tags).catch((error: unknown) => reportFailure(toasts, 'Saving the tags', error))}
      />

      <h3 className="inspector-section">Original file</h3>
      <OriginalFacts source={source} />
      <div className="source-original-actions">
        <button type="button" className="subtle" onClick={() => void actions.openOriginal(source)} title="Open a read-only copy of the original in its usual app">
          Open original
        </button>
        <button type="button" className="subtle" onClick={() => void actions.showInFolder(source)} title="Show a read-only copy of the original in its folder">
          Show in folder
        </button>
      </div>
    </div>
  );
}

/** "Edited · the file says: …" with Revert, under a fact the user changed. */
function EditedNote({ field, imported, onRevert }: { field: SourceEditableField; imported: string; onRevert: (field: SourceEditableField) => void }) {
  return (
    <span className="edited-note" data-edited={field}>
      Edited · the file says {imported ? <span className="edited-imported">“{field === 'date' ? formatStatedDate(imported) : imported}”</span> : 'nothing'}{' '}
      <button type="button" className="link-button" onClick={() => onRevert(field)} aria-label={`Revert ${FIELD_LABELS[field].toLowerCase()} to the file's`}>
        Revert
      </button>
    </span>
  );
}

function OriginalFacts({ source }: { source: Source }) {
  const facts: [string, string][] = [
    ...(source.fileName ? ([['File', source.fileName]] as [string, string][]) : []),
    ['Size', formatBytes(source.size)],
    ...(source.pages ? ([['Pages', String(source.pages.length)]] as [string, string][]) : []),
    ['Imported', formatTime(source.importedAt)],
  ];
  return (
    <dl className="properties">
      {facts.map(([k, v]) => (
        <div key={k} className="property">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
      <div className="property">
        <dt>Fingerprint</dt>
        <dd className="mono" title={`sha256 ${source.sha256}`}>
          {source.sha256.slice(0, 16)}…
        </dd>
      </div>
    </dl>
  );
}
