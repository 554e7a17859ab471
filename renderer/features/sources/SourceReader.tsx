import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { casebook } from '../../bridge';
import type { Source } from '../../../shared/model';
import { HtmlDocument } from './HtmlDocument';
import { TextBlocks } from './TextBlocks';
import { mapRenderedSource } from './document-map';
import { useReaderHighlights } from './reader-highlights';
import { mentionAt, useReaderMentions } from './source-mentions';
import { SelectionMenu } from './SelectionMenu';
import { trimSelection, type TextSelection } from './selection-actions';
import { offsetOfPoint, type TextSegment } from '../../../shared/sources/html-text';
import { formatBytes, formatStatedDate, formatTime } from '../../format';

interface Range {
  start: number;
  end: number;
}

/**
 * Reads a source: PDFs page by page with page markers, structured formats
 * as sanitized HTML, text as paragraphs. Found and confirmed mentions are
 * painted in their entity type's colour (a click opens the entity); the
 * passage a backlink or citation points at is highlighted and scrolled into
 * view. Selecting a passage offers quoting it, or making it an entity or alias.
 */
export function SourceReader({ sourceId, highlight }: { sourceId: string; highlight?: Range | undefined }) {
  const { db, nav } = useApp();
  const source = useLiveQuery(async () => (await db.sources.get(sourceId)) ?? null, [sourceId]);
  const body = useLiveQuery(async () => (await db.sourceBodies.get(sourceId)) ?? null, [sourceId]);
  const mentions = useReaderMentions(db, sourceId);
  const docRef = useRef<HTMLDivElement>(null);
  const [segments, setSegments] = useState<TextSegment[] | null>(null);
  const [selection, setSelection] = useState<{ range: TextSelection; anchor: DOMRect } | null>(null);

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
    setSelection(trimmed ? { range: trimmed, anchor: range.getBoundingClientRect() } : null);
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

  return (
    <article className="source-reader" data-source-id={source.id} data-format={source.format} data-mapped={segments ? 'true' : 'false'}>
      <SourceHeader source={source} mentionCount={mentions?.length} />
      <div
        ref={docRef}
        className="source-text"
        onMouseUp={readSelection}
        onKeyUp={(e) => e.shiftKey && readSelection()}
        onClick={openMentionAt}
      >
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
      </div>
      {selection && <SelectionMenu source={source} selection={selection.range} anchor={selection.anchor} onDone={() => setSelection(null)} />}
    </article>
  );
}

function SourceHeader({ source, mentionCount }: { source: Source; mentionCount: number | undefined }) {
  const m = source.metadata;
  const author = m.author ?? m.from;
  const stated = m.created ?? m.date ?? m.published;
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
      <h1>{source.title}</h1>
      <dl className="source-meta">
        {facts.map(([k, v]) => (
          <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
        ))}
        {m.url && (
          <div>
            <dt>URL</dt>
            <dd>
              <a
                href={m.url}
                onClick={(e) => { e.preventDefault(); void casebook?.shellOpenExternal({ url: m.url! }); }}
                onAuxClick={(e) => { if (e.button !== 1) return; e.preventDefault(); void casebook?.shellOpenExternal({ url: m.url! }); }}
              >
                {m.url}
              </a>
            </dd>
          </div>
        )}
        {mentionCount !== undefined && <div><dt>Mentions</dt><dd data-testid="mention-count">{mentionCount.toLocaleString()}</dd></div>}
        <div><dt>Fingerprint</dt><dd className="mono" title={`sha256 ${source.sha256}`}>{source.sha256.slice(0, 16)}…</dd></div>
      </dl>
    </header>
  );
}
