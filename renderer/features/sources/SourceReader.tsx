import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';
import { casebook } from '../../bridge';
import type { Source } from '../../../shared/model';
import { HtmlDocument } from './HtmlDocument';
import { TextBlocks } from './TextBlocks';
import { formatBytes, formatStatedDate, formatTime } from '../../format';

interface Range {
  start: number;
  end: number;
}

/**
 * Reads a source: PDFs page by page with page markers, structured formats
 * as sanitized HTML, text as paragraphs. The passage a backlink or quote
 * points at is marked and scrolled into view. Text is selectable.
 */
export function SourceReader({ sourceId, highlight }: { sourceId: string; highlight?: Range | undefined }) {
  const { db } = useApp();
  const source = useLiveQuery(async () => (await db.sources.get(sourceId)) ?? null, [sourceId]);
  const markRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (source !== undefined) reportReady('main');
  }, [source]);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [source, highlight]);

  if (source === undefined) return <div className="pane-loading">Loading source…</div>;
  if (source === null) return <div className="empty-state"><h2>Source not found</h2><p>It may have been removed from the case.</p></div>;

  return (
    <article className="source-reader" data-source-id={source.id} data-format={source.format}>
      <SourceHeader source={source} />
      <div className="source-text">
        {source.html ? (
          <HtmlDocument html={source.html} text={source.text} highlight={highlight} />
        ) : source.pages ? (
          source.pages.map((page, i) => (
            <section key={i} className="source-page" data-page={i + 1} aria-label={`Page ${i + 1}`}>
              <div className="page-marker">Page {i + 1}</div>
              <TextBlocks text={source.text} from={page.start} to={page.end} highlight={highlight} markRef={markRef} />
            </section>
          ))
        ) : (
          <TextBlocks text={source.text} from={0} to={source.text.length} highlight={highlight} markRef={markRef} />
        )}
      </div>
    </article>
  );
}

function SourceHeader({ source }: { source: Source }) {
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
              <a href={m.url} onClick={(e) => { e.preventDefault(); void casebook?.shellOpenExternal({ url: m.url! }); }}>{m.url}</a>
            </dd>
          </div>
        )}
        <div><dt>Fingerprint</dt><dd className="mono" title={`sha256 ${source.sha256}`}>{source.sha256.slice(0, 16)}…</dd></div>
      </dl>
    </header>
  );
}
