import { useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { shortcutLabel } from '../../app/key-platform';
import { useNavigationState } from '../../app/navigation';
import { reportReady } from '../../app/readiness';
import { liveSources, summarize, type SourceSummary } from '../../db/sources';
import { useChooseAndImport } from './import/use-import-actions';
import { formatBytes, formatStatedDate, formatTime } from '../../format';
import { DEFAULT_SORT, isDateBound, isFiltered, libraryChoices, libraryRows, NO_FILTER, type LibraryFilter, type LibrarySort, type LibrarySortKey } from './library-view';
import { useSourceActions } from './use-source-actions';

const COLUMNS: { key: LibrarySortKey | null; label: string; className?: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'format', label: 'Format' },
  { key: null, label: 'Pages', className: 'num' },
  { key: 'size', label: 'Size', className: 'num' },
  { key: 'date', label: 'Date' },
  { key: 'author', label: 'Author' },
  { key: 'imported', label: 'Imported' },
  { key: null, label: 'Fingerprint' },
];

/**
 * The case's sources as a table to manage them: sorted by any column,
 * filtered by words, format, author, tag and date. A row opens the source's
 * details in the inspector (edit, tags, original, delete); its title opens
 * the reader. Keys on a row: Enter reads, F2 edits, Delete moves to the Trash.
 */
export function SourceLibrary() {
  const { db, caseId, nav } = useApp();
  const { inspector } = useNavigationState(nav);
  const chooseAndImport = useChooseAndImport();
  const actions = useSourceActions();
  const all = useLiveQuery(async () => (await liveSources(db, caseId).toArray()).map(summarize), [db, caseId]);
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const [sort, setSort] = useState<LibrarySort>(DEFAULT_SORT);
  const rows = useMemo(() => (all ? libraryRows(all, filter, sort) : undefined), [all, filter, sort]);
  const choices = useMemo(() => libraryChoices(all ?? []), [all]);
  const selectedId = inspector.kind === 'source' ? inspector.sourceId : null;
  useEffect(() => {
    if (all) reportReady('main');
  }, [all]);

  const set = (patch: Partial<LibraryFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const sortBy = (key: LibrarySortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: key === 'imported' || key === 'date' || key === 'size' ? 'desc' : 'asc' }));
  const read = (id: string) => nav.openMain({ kind: 'source', sourceId: id });
  const select = (id: string) => nav.openInspector({ kind: 'source', sourceId: id });

  return (
    <section className="library">
      <header className="library-header">
        <h1>
          Source library {all && all.length > 0 && <span className="count">{rows && isFiltered(filter) ? `${rows.length} of ${all.length}` : all.length}</span>}
        </h1>
        <button type="button" className="primary-button" onClick={() => void chooseAndImport()}>
          Import sources…
        </button>
      </header>
      {all && all.length === 0 && (
        <div className="empty-state">
          <h2>No sources yet</h2>
          <p>Import PDFs, Word documents, saved web pages, Markdown, text and email with {shortcutLabel('import')}, or drop files and folders on the window.</p>
        </div>
      )}
      {all && all.length > 0 && (
        <>
          <div className="library-filters" role="search" aria-label="Filter sources">
            <input type="search" className="library-search" aria-label="Filter by words" placeholder="Title, author, file, notes, tag…" value={filter.text} onChange={(e) => set({ text: e.target.value })} />
            <select aria-label="Format" value={filter.format} onChange={(e) => set({ format: e.target.value as LibraryFilter['format'] })}>
              <option value="">All formats</option>
              {choices.formats.map((f) => (
                <option key={f} value={f}>
                  {f.toUpperCase()}
                </option>
              ))}
            </select>
            <select aria-label="Author" value={filter.author} onChange={(e) => set({ author: e.target.value })}>
              <option value="">Any author</option>
              {choices.authors.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
            <select aria-label="Tag" value={filter.tag} onChange={(e) => set({ tag: e.target.value })} disabled={choices.tags.length === 0} title={choices.tags.length ? undefined : 'No source has a tag yet'}>
              <option value="">Any tag</option>
              {choices.tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <span className="library-dates">
              <DateBox label="Dated from" value={filter.from} onChange={(from) => set({ from })} />
              <span aria-hidden="true">–</span>
              <DateBox label="Dated to" value={filter.to} onChange={(to) => set({ to })} />
            </span>
            {isFiltered(filter) && (
              <button type="button" className="link-button filter-clear" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            )}
          </div>
          <table className="library-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.label} className={c.className} aria-sort={c.key && sort.key === c.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {c.key ? (
                      <button type="button" className="sort-button" onClick={() => sortBy(c.key!)} title={`Sort by ${c.label.toLowerCase()}`}>
                        {c.label}
                        <span className="sort-mark" aria-hidden="true">
                          {sort.key === c.key ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                        </span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows?.map(({ row: r, nested }) => (
                <LibraryRow
                  key={r.id}
                  row={r}
                  nested={nested}
                  selected={r.id === selectedId}
                  onSelect={() => select(r.id)}
                  onRead={() => read(r.id)}
                  onEdit={() => nav.openInspector({ kind: 'source', sourceId: r.id, editing: true })}
                  onDelete={() => void actions.trash(r.id)}
                  onTag={(tag) => set({ tag })}
                />
              ))}
            </tbody>
          </table>
          {rows?.length === 0 && (
            <p className="library-none muted">
              No source matches these filters.{' '}
              <button type="button" className="link-button" onClick={() => setFilter(NO_FILTER)}>
                Clear filters
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}

function LibraryRow(props: { row: SourceSummary; nested: boolean; selected: boolean; onSelect: () => void; onRead: () => void; onEdit: () => void; onDelete: () => void; onTag: (tag: string) => void }) {
  const { row: r, nested, selected } = props;
  const edited = (field: SourceSummary['edited'][number]) => (r.edited.includes(field) ? 'is-edited' : undefined);
  return (
    <tr
      data-source-id={r.id}
      className={[nested ? 'is-child' : '', selected ? 'is-selected' : ''].filter(Boolean).join(' ') || undefined}
      aria-selected={selected}
      tabIndex={0}
      onClick={props.onSelect}
      onDoubleClick={props.onRead}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === 'Enter') props.onRead();
        else if (e.key === 'F2') props.onEdit();
        else if (e.key === 'Delete') props.onDelete();
        else if (e.key === ' ') {
          e.preventDefault();
          props.onSelect();
        }
      }}
    >
      <td className="title-cell">
        <button
          type="button"
          className={`link-button ${edited('title') ?? ''}`}
          onClick={(e) => {
            e.stopPropagation();
            props.onRead();
          }}
        >
          {r.title}
        </button>
        {r.fileName && <span className="file-name">{r.fileName}</span>}
        {r.tags.length > 0 && (
          <span className="row-tags">
            {r.tags.map((tag) => (
              <button
                key={tag}
                type="button"
                className="tag-chip is-small"
                title={`Show sources tagged “${tag}”`}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onTag(tag);
                }}
              >
                {tag}
              </button>
            ))}
          </span>
        )}
      </td>
      <td>
        <span className="format-badge">{r.format.toUpperCase()}</span>
      </td>
      <td className="num">{r.pageCount ?? '—'}</td>
      <td className="num">{formatBytes(r.size)}</td>
      <td className={edited('date')}>{formatStatedDate(r.date) || '—'}</td>
      <td className={edited('author')}>{r.author || '—'}</td>
      <td>{formatTime(r.importedAt)}</td>
      <td className="mono" title={`sha256 ${r.sha256}`}>
        {r.sha256.slice(0, 12)}…
      </td>
    </tr>
  );
}

/** A date bound as typed (YYYY, YYYY-MM or YYYY-MM-DD), applied only once it reads as one. */
function DateBox({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const valid = isDateBound(draft);
  return (
    <input
      className="library-date"
      aria-label={label}
      aria-invalid={!valid}
      placeholder="YYYY-MM-DD"
      title={valid ? `${label} (YYYY, YYYY-MM or YYYY-MM-DD)` : 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD'}
      value={draft}
      size={11}
      onChange={(e) => {
        setDraft(e.target.value);
        if (isDateBound(e.target.value)) onChange(e.target.value.trim());
      }}
    />
  );
}
