import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { getInCase } from '../../db/case-scope';
import { reportReady } from '../../app/readiness';
import { sourceFacts, type Source, type TextRange } from '../../../shared/model';
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
import { provideReader } from '../../app/command-targets';
import { PdfReader, type ViewMap } from './pdf/PdfReader';
import { usePdfViewMode } from './pdf/view-mode';
import { FindBar } from './find/FindBar';
import { EncodingChoice } from './EncodingChoice';
import { useFind, useFindHighlights } from './find/use-find';

import { useCaretBrowsing } from './use-caret-browsing';
import { shortcutLabel } from '../../app/key-platform';

/** Keys after which the selection may have changed: the menu over it follows. */
const SELECTING_KEYS = new Set(['Shift', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

const NOTHING_HIDDEN: readonly TextRange[] = [];

interface Range {
  start: number;
  end: number;
}

/**
 * Reads a source: PDFs as their printed pages or their reflowed text
 * (pdf/PdfReader.tsx), structured formats as sanitized HTML, text as
 * paragraphs. Ctrl/⌘+F finds within it. Found and confirmed mentions are
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
  // The document's element as state too: the map below must be rebuilt whenever it is (re)mounted, which a ref alone cannot announce.
  const [docElement, setDocElement] = useState<HTMLDivElement | null>(null);
  const attachDoc = useCallback((element: HTMLDivElement | null) => {
    docRef.current = element;
    setDocElement(element);
  }, []);
  const articleRef = useRef<HTMLElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [segments, setSegments] = useState<TextSegment[] | null>(null);
  const [hidden, setHidden] = useState<readonly TextRange[]>(NOTHING_HIDDEN);
  const [selection, setSelection] = useState<{ range: TextSelection; anchor: DOMRect; link: string | null } | null>(null);
  const links = useReaderLinks();
  const isPdf = source?.format === 'pdf' && !!source.pages?.length && !body?.html;
  const [pdfMode, setPdfMode] = usePdfViewMode();
  const [focusPageField, setFocusPageField] = useState(0);
  const find = useFind(body?.text ?? '', hidden);
  // What the view should bring into view: the passage opened, then each find match.
  const [reveal, setReveal] = useState<{ offset: number } | undefined>(highlight && { offset: highlight.start });

  useEffect(() => {
    if (source !== undefined && body !== undefined) reportReady('main');
  }, [source, body]);
  // The map is built once the document is in the DOM, and again if it or the body changes; a PDF's view reports its own.
  // The source and its body are read apart and may arrive in either order: the element, not the body, says the document is drawn.
  useLayoutEffect(() => {
    if (isPdf) return;
    setSegments(body && docElement ? mapRenderedSource(docElement, body) : null);
    setHidden(NOTHING_HIDDEN);
  }, [body, isPdf, docElement]);
  const onViewMap = useCallback((map: ViewMap) => {
    setSegments(map.segments);
    setHidden(map.hidden);
  }, []);
  useReaderHighlights(segments, mentions, highlight);
  useFindHighlights(segments, find);
  useEffect(() => {
    if (highlight) setReveal({ offset: highlight.start });
  }, [highlight]);
  const match = find.open ? find.matches[find.current] : undefined;
  useEffect(() => {
    if (match) setReveal({ offset: match.start });
  }, [match]);

  // Ctrl/⌘+F, and for a PDF its two views and go-to-page, while the reader is up.
  const latest = useRef({ find, isPdf, pdfMode, setPdfMode });
  latest.current = { find, isPdf, pdfMode, setPdfMode };
  const mounted = source != null && body != null;
  useEffect(() => {
    const element = articleRef.current;
    if (!mounted || !element) return;
    return provideReader({
      element,
      find: () => latest.current.find.show(),
      ...(isPdf
        ? {
            togglePdfView: () => latest.current.setPdfMode(latest.current.pdfMode === 'pages' ? 'text' : 'pages'),
            goToPage: () => {
              latest.current.setPdfMode('pages');
              setFocusPageField((n) => n + 1);
            },
          }
        : {}),
    });
  }, [mounted, isPdf]);

  const caretMode = useCaretBrowsing(docRef, articleRef, frameRef, () => undefined);

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

  const findBar = <FindBar find={find} onClose={() => articleRef.current?.focus()} />;
  return (
    <div className="source-reader-frame" ref={frameRef}>
      {/* Focusable (not in the tab order), so a click on the document gives the reader the keys that act on it. */}
      <article ref={articleRef} tabIndex={-1} className="source-reader" data-source-id={source.id} data-format={source.format} data-mapped={segments ? 'true' : 'false'} {...links.handlers}>
        <SourceHeader source={source} mentionCount={mentions?.length} />
        <div
          ref={attachDoc}
          className={`${isPdf ? `source-text source-pdf source-pdf-${pdfMode}` : 'source-text'}${caretMode.on ? ' is-caret-browsing' : ''}`}
          // Focusable, so the keyboard can scroll it, select in it (caret browsing, F7) and reach it by F6 or the skip link.
          tabIndex={0}
          role="document"
          aria-label={`Text of ${source.title}`}
          aria-describedby="reader-caret-hint"
          data-pane-focus=""
          onMouseUp={readSelection}
          onKeyDown={caretMode.onKeyDown}
          onKeyUp={(e) => SELECTING_KEYS.has(e.key) && readSelection()}
          onFocus={caretMode.onFocus}
          onClick={openMentionAt}
        >
          {/* The document alone can fail (damaged stored text or HTML); the header above stays. */}
          <ErrorBoundary what="this document's text">
            {!isPdf && find.open && <div className="reader-bar">{findBar}</div>}
            {body.html ? (
              <HtmlDocument html={body.html} />
            ) : isPdf ? (
              <PdfReader
                sha256={source.sha256}
                pages={source.pages!}
                text={body.text}
                mode={pdfMode}
                onModeChange={setPdfMode}
                scroller={articleRef}
                reveal={reveal}
                focusPageField={focusPageField}
                onMap={onViewMap}
                findBar={findBar}
              />
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
      {caretMode.caret && <div className="reader-caret" aria-hidden="true" style={{ left: caretMode.caret.left, top: caretMode.caret.top, height: caretMode.caret.height }} />}
      <p id="reader-caret-hint" className="reader-caret-hint" data-on={caretMode.on}>
        {caretMode.on
          ? `Caret browsing: arrows move, Shift+arrows select, ${shortcutLabel('quote')} quotes, F7 turns it off.`
          : 'F7: caret browsing, to select with the keyboard.'}
      </p>
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
        <EncodingChoice source={source} />
        {mentionCount !== undefined && <div><dt>Mentions</dt><dd data-testid="mention-count">{mentionCount.toLocaleString()}</dd></div>}
        <div><dt>Fingerprint</dt><dd className="mono" title={`sha256 ${source.sha256}`}>{source.sha256.slice(0, 16)}…</dd></div>
      </dl>
      {/* A large page or document read by the importer's streaming path (electron/services/import/html/simplified.ts). */}
      {m.simplified && <p className="source-note" data-testid="source-simplified">{m.simplified}</p>}
    </header>
  );
}
