import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { getInCase } from '../../db/case-scope';
import { reportReady } from '../../app/readiness';
import { sourceFacts, type Source } from '../../../shared/model';
import { HtmlDocument } from './HtmlDocument';
import { TextBlocks } from './TextBlocks';
import { mapRenderedSource } from './document-map';
import { useReaderHighlights } from './reader-highlights';
import { mentionAt, useReaderMentions } from './source-mentions';
import { SelectionMenu } from './SelectionMenu';
import { trimSelection, type TextSelection } from './selection-actions';
import { offsetOfPoint, type TextSegment } from '../../../shared/sources/html-text';
import { formatBytes, formatStatedDate, formatTime } from '../../format';
import { ErrorBoundary } from '../../app/ErrorBoundary';
import { hrefOf, linkOf, useReaderLinks } from './reader-links';
import { OPEN_GESTURE } from './open-link';
import { useSourceActions } from './use-source-actions';
import { restoreSource } from '../../db/sources';
import { reportFailure } from '../../app/report-failure';

interface Range {
  start: number;
  end: number;
}

/**
 * Reads a source: PDFs page by page with page markers, structured formats
 * as sanitized HTML, text as paragraphs. Found and confirmed mentions are
 * painted in their entity type's colour (a click opens the entity); the
 * passage a backlink or citation points at is highlighted and scrolled into
 * view. Selecting a passage offers quoting it, or making it an entity or alias
 * (and opening the link it sits in). Links never open on a click: see reader-links.ts.
 */
export function SourceReader({ sourceId, highlight }: { sourceId: string; highlight?: Range | undefined }) {
  const { db, caseId, nav, toasts, linking } = useApp();
  const source = useLiveQuery(async () => (await getInCase(db.sources, caseId, sourceId)) ?? null, [caseId, sourceId]);
  const body = useLiveQuery(async () => (await getInCase(db.sourceBodies, caseId, sourceId)) ?? null, [caseId, sourceId]);
  const mentions = useReaderMentions(db, caseId, sourceId);
  const docRef = useRef<HTMLDivElement>(null);
  const [segments, setSegments] = useState<TextSegment[] | null>(null);
  const [selection, setSelection] = useState<{ range: TextSelection; anchor: DOMRect; link: string | null } | null>(null);
  const links = useReaderLinks();

  useEffect(() => {
    if (source !== undefined && body !== undefined) reportReady('main');
  }, [source, body]);
  // The map is built once the document is in the DOM, and again if it changes.
  useLayoutEffect(() => {
    setSegments(body && docRef.current ? mapRenderedSource(docRef.current, body) : null);
  }, [body]);
  useReaderHighlights(segments, mentions, highlight);

  const readSelection = () => {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !segments || !body || !docRef.current) return setSelection(null);
    const range = sel.getRangeAt(0);
    if (!docRef.current.contains(range.commonAncestorContainer)) return setSelection(null);
    const start = offsetOfPoint(segments, range.startContainer, range.startOffset);
    const end = offsetOfPoint(segments, range.endContainer, range.endOffset);
    const trimmed = start === null || end === null ? null : trimSelection(body.text, start, end);
    const link = linkOf(range.commonAncestorContainer);
    const href = link ? hrefOf(link) : '';
    setSelection(trimmed ? { range: trimmed, anchor: range.getBoundingClientRect(), link: href && !href.startsWith('#') ? href : null } : null);
  };

  const openMentionAt = (event: React.MouseEvent) => {
    if (!segments || !mentions || !window.getSelection()?.isCollapsed) return;
    const caret = document.caretPositionFromPoint?.(event.clientX, event.clientY);
    if (!caret) return;
    const offset = offsetOfPoint(segments, caret.offsetNode, caret.offset);
    const hit = offset === null ? undefined : mentionAt(mentions, offset);
    if (hit) nav.openInspector({ kind: 'entity', entityId: hit.entityId });
  };

  if (source === undefined || body === undefined) return <div className="pane-loading">Loading source…</div>;
  if (source === null || body === null) return <div className="empty-state"><h2>Source not found</h2><p>It may have been removed from the case.</p></div>;
  if (source.deletedAt !== undefined) {
    const restore = () => void restoreSource(db, source.id).then((ids) => linking.sourcesRestored(ids), (error: unknown) => reportFailure(toasts, 'Restoring the source', error));
    return (
      <div className="empty-state">
        <h2>This source is in the Trash</h2>
        <p>Restore it to read it again; citations of it show as broken until then.</p>
        <button type="button" className="primary-button" onClick={restore}>Restore</button>
      </div>
    );
  }

  return (
    <div className="source-reader-frame">
      <article className="source-reader" data-source-id={source.id} data-format={source.format} data-mapped={segments ? 'true' : 'false'} {...links.handlers}>
        <SourceHeader source={source} mentionCount={mentions?.length} />
        <div
          ref={docRef}
          className="source-text"
          onMouseUp={readSelection}
          onKeyUp={(e) => e.shiftKey && readSelection()}
          onClick={openMentionAt}
        >
          {/* The document alone can fail (damaged stored text or HTML); the header above stays. */}
          <ErrorBoundary what="this document's text">
            {body.html ? (
              <HtmlDocument html={body.html} />
            ) : source.pages ? (
              source.pages.map((page, i) => (
                <section key={i} className="source-page" data-page={i + 1} aria-label={`Page ${i + 1}`}>
                  <div className="page-marker">Page {i + 1}</div>
                  <TextBlocks text={body.text} from={page.start} to={page.end} />
                </section>
              ))
            ) : (
              <TextBlocks text={body.text} from={0} to={body.text.length} />
            )}
          </ErrorBoundary>
        </div>
        {selection && <SelectionMenu source={source} selection={selection.range} anchor={selection.anchor} link={selection.link} onDone={() => setSelection(null)} />}
      </article>
      {/* Outside the scrolling article, so it sits at the bottom of the pane like a browser's status bubble. */}
      {links.status && (
        <div className="link-status" role="status" data-testid="link-status">
          <span className="link-status-url">{links.status}</span>
          <span className="link-status-hint">{OPEN_GESTURE} to open</span>
        </div>
      )}
    </div>
  );
}

function SourceHeader({ source, mentionCount }: { source: Source; mentionCount: number | undefined }) {
  const { nav } = useApp();
  const actions = useSourceActions();
  const m = source.metadata;
  // What the user corrected wins over what the file stated (shared/model/source-facts.ts).
  const shown = sourceFacts(source);
  const author = shown.author;
  const stated = shown.date;
  const facts: [string, string][] = [
    ['Format', source.format.toUpperCase()],
    ...(source.pages ? ([['Pages', String(source.pages.length)]] as [string, string][]) : []),
    ['Size', formatBytes(source.size)],
    ['Imported', formatTime(source.importedAt)],
    ...(author ? ([['Author', author]] as [string, string][]) : []),
    ...(stated ? ([['Date', formatStatedDate(stated)]] as [string, string][]) : []),
    ...(m.publisher ? ([['Publisher', m.publisher]] as [string, string][]) : []),
  ];
  return (
    <header className="source-header">
      <div className="source-header-actions">
        <button type="button" className="subtle" onClick={() => nav.openInspector({ kind: 'source', sourceId: source.id })} title="Edit details and tags">
          Details
        </button>
        <button type="button" className="subtle" onClick={() => void actions.openOriginal(source)} title="Open a read-only copy of the original in its usual app">
          Open original
        </button>
        <button type="button" className="subtle" onClick={() => void actions.showInFolder(source)} title="Show a read-only copy of the original in its folder">
          Show in folder
        </button>
        <button type="button" className="subtle danger" onClick={() => void actions.trash(source.id)} title="Move to the Trash (Undo available)">
          Delete
        </button>
      </div>
      <h1>{shown.title}</h1>
      {source.tags && source.tags.length > 0 && (
        <div className="row-tags">
          {source.tags.map((tag) => (
            <span key={tag} className="tag-chip is-small">{tag}</span>
          ))}
        </div>
      )}
      <dl className="source-meta">
        {facts.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
        {shown.url && (
          <div>
            <dt>URL</dt>
            <dd>
              <a href={shown.url}>{shown.url}</a>
            </dd>
          </div>
        )}
        {mentionCount !== undefined && <div><dt>Mentions</dt><dd data-testid="mention-count">{mentionCount.toLocaleString()}</dd></div>}
        <div><dt>Fingerprint</dt><dd className="mono" title={`sha256 ${source.sha256}`}>{source.sha256.slice(0, 16)}…</dd></div>
      </dl>
    </header>
  );
}
