import { useEffect, useRef, useState, useSyncExternalStore, type ReactElement } from 'react';
import type { SearchHit } from '../../../shared/search/index';
import { ENTITY_TYPES, ENTITY_TYPE_LABELS, type EntityType } from '../../../shared/model';
import { useApp } from '../../app/context';
import type { SearchResults, SearchStatus } from './search-service';
import { useModal } from '../../app/use-modal';
import { GROUP_LABEL, groupHits } from './group-hits';

const KIND_LABEL = { note: 'Note', source: 'Source', entity: 'Entity' } as const;
const isEntityType = (t: string): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t);

/** The snippet with its matching words marked. */
/** What the palette says while the index is not complete: what can already be found, and how far indexing is. */
export function indexingMessage(status: SearchStatus): string {
  if (status.restoring) return 'Opening the search index…';
  const progress = status.total > 0 ? ` ${status.indexed.toLocaleString()} of ${status.total.toLocaleString()}` : '';
  const sourcesOnly = status.total > 0 && status.sourcesPending > 0 && status.total - status.indexed <= status.sourcesPending;
  if (sourcesOnly) return `Notes and entities are searchable; sources are still being indexed (${status.sourcesPending.toLocaleString()} to go), so results may be incomplete.`;
  return `Indexing the case…${progress}`;
}

function Snippet({ hit }: { hit: SearchHit }) {
  const { text, highlights } = hit.snippet;
  const parts: ReactElement[] = [];
  let at = 0;
  highlights.forEach(([s, e], i) => {
    if (s > at) parts.push(<span key={`t${i}`}>{text.slice(at, s)}</span>);
    parts.push(<mark key={`m${i}`}>{text.slice(s, e)}</mark>);
    at = e;
  });
  if (at < text.length) parts.push(<span key="end">{text.slice(at)}</span>);
  return <span className="search-snippet">{parts}</span>;
}

/**
 * Ctrl+K: search notes, source passages and entities. Typing queries the
 * search worker (a newer query supersedes the last, so typing never waits);
 * ↑/↓ and Enter, or a click, open the result at the match.
 * Query language: words (the last one as a prefix), typos forgiven,
 * "exact phrases", -excluded words, kind:note|source|entity, type:Person,
 * after:2023-01 and before:2023-05.
 */
export function SearchPalette() {
  const { nav, search } = useApp();
  const status = useSyncExternalStore(search.subscribe, search.getStatus);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      return;
    }
    let live = true;
    void search.search(query).then((found) => {
      if (!live || !found) return;
      setResults(found);
      setActive(0);
    });
    return () => {
      live = false;
    };
  }, [query, search, status.indexed, status.version]);

  const close = () => nav.openOverlay(undefined);
  const dialog = useRef<HTMLDivElement>(null);
  const modal = useModal(dialog, close);
  const open = (hit: SearchHit) => {
    close();
    const [first] = hit.snippet.highlights;
    if (hit.kind === 'note') nav.openMain({ kind: 'note', noteId: hit.id, ...(first ? { find: hit.snippet.text.slice(first[0], first[1]) } : {}) });
    else if (hit.kind === 'source') nav.openMain({ kind: 'source', sourceId: hit.id, highlight: hit.range });
    else nav.openInspector({ kind: 'entity', entityId: hit.id });
  };
  const groups = groupHits(results?.hits ?? [], results?.totals, /(^|\s)-|"/.test(query));
  // ↑/↓ walk the hits in the order shown: group by group.
  const hits = groups.flatMap((g) => g.hits);
  // A block body: Chromium's scrollIntoView now returns a promise, and an effect may return only a clean-up function.
  useEffect(() => {
    document.getElementById(`search-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <div className="overlay search-overlay" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div ref={dialog} className="search-palette" role="dialog" aria-modal="true" aria-label="Search the case" onKeyDown={modal.onKeyDown}>
        <input
          ref={input}
          className="search-input"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="search-results"
          aria-activedescendant={hits[active] ? `search-hit-${active}` : undefined}
          aria-label="Search notes, sources and entities"
          placeholder="Search notes, sources and entities…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, hits.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter' && hits[active]) open(hits[active]);
          }}
        />
        {status.building && (
          <p className="search-status" role="status">
            {indexingMessage(status)}
          </p>
        )}
        <div id="search-results" className="search-results" role="listbox" aria-label="Results">
          {groups.map((group) => (
            <div key={group.kind} className="search-group" role="group" aria-labelledby={`search-group-${group.kind}`} data-group={group.kind}>
              <div id={`search-group-${group.kind}`} className="search-group-head" role="presentation">
                {GROUP_LABEL[group.kind]} <span className="count">{group.count.toLocaleString()}</span>
              </div>
              {group.hits.map((hit) => {
                const i = hits.indexOf(hit);
                return (
                  <div
                    key={`${hit.kind}:${hit.id}:${hit.passage.start}`}
                    id={`search-hit-${i}`}
                    className="search-hit"
                    role="option"
                    aria-selected={i === active}
                    data-kind={hit.kind}
                    onMouseEnter={() => setActive(i)}
                    onMouseDown={(e) => {
                      e.preventDefault();
                      open(hit);
                    }}
                  >
                    <span className="search-hit-head">
                      <span className={`search-kind kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                      <span className="search-title">{hit.title}</span>
                      <span className="muted">
                        {hit.kind === 'entity' && isEntityType(hit.type) ? ENTITY_TYPE_LABELS[hit.type].singular : hit.kind === 'source' ? hit.type.toUpperCase() : ''}
                        {hit.page ? ` · p. ${hit.page}` : ''}
                      </span>
                    </span>
                    <Snippet hit={hit} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        {query.trim() && results && hits.length === 0 && <p className="search-empty">Nothing matches “{query}”.</p>}
        {!query.trim() && (
          <p className="search-help">
            Prefixes and typos work. <code>"exact phrase"</code> <code>-exclude</code> <code>kind:note</code> <code>kind:source</code> <code>type:Person</code> <code>after:2023-01</code> <code>before:2023-05</code>
          </p>
        )}
      </div>
    </div>
  );
}
