import { useEffect, useMemo, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../app/context';
import { reportReady } from '../../app/readiness';

interface Range {
  start: number;
  end: number;
}

/** Paragraphs of a plain-text source with their offsets, so passages can be marked by range. */
function paragraphsOf(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Reads a source, with the passage a backlink or quote points at marked and scrolled into view. */
export function SourceReader({ sourceId, highlight }: { sourceId: string; highlight?: Range | undefined }) {
  const { db } = useApp();
  const source = useLiveQuery(async () => (await db.sources.get(sourceId)) ?? null, [sourceId]);
  const markRef = useRef<HTMLElement | null>(null);
  const paragraphs = useMemo(() => (source ? paragraphsOf(source.text) : []), [source]);

  useEffect(() => {
    if (source !== undefined) reportReady('main');
  }, [source]);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center' });
  }, [source, highlight]);

  if (source === undefined) return <div className="pane-loading">Loading source…</div>;
  if (source === null) return <div className="empty-state"><h2>Source not found</h2></div>;

  let firstMark = true;
  return (
    <article className="source-reader" data-source-id={source.id}>
      <header className="source-header">
        <span className="format-badge">{source.format.toUpperCase()}</span>
        <h1>{source.title}</h1>
        <dl className="source-meta">
          {Object.entries(source.metadata).map(([k, v]) => (
            <div key={k}><dt>{k}</dt><dd>{v}</dd></div>
          ))}
          <div><dt>sha256</dt><dd className="mono" title={source.sha256}>{source.sha256.slice(0, 16)}…</dd></div>
        </dl>
      </header>
      <div className="source-text">
        {paragraphs.map((p, i) => {
          const Tag = i === 0 ? 'h2' : 'p';
          if (!highlight || highlight.end <= p.start || highlight.start >= p.end) {
            return <Tag key={p.start} data-offset={p.start}>{source.text.slice(p.start, p.end)}</Tag>;
          }
          const from = Math.max(p.start, highlight.start);
          const to = Math.min(p.end, highlight.end);
          const isFirst = firstMark;
          firstMark = false;
          return (
            <Tag key={p.start} data-offset={p.start}>
              {source.text.slice(p.start, from)}
              <mark className="passage" ref={isFirst ? (el) => { markRef.current = el; } : undefined}>{source.text.slice(from, to)}</mark>
              {source.text.slice(to, p.end)}
            </Tag>
          );
        })}
      </div>
    </article>
  );
}
