import { memo, useEffect, useRef, useState } from 'react';
import type { PdfDocument } from './pdfjs';
import type { PageSize } from './PdfPage';

const THUMBNAIL_WIDTH = 96;

/**
 * The page list beside the pages: a small picture of each page (drawn when
 * it scrolls into the list) and its number; the page at the top of the view
 * is marked, a click goes to a page.
 */
export function PdfThumbnails({ doc, count, current, size, onPick }: { doc: PdfDocument; count: number; current: number; size: PageSize; onPick(page: number): void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((old) => {
          const next = new Set(old);
          // Drawn once, then kept: thumbnails are small.
          for (const entry of entries) if (entry.isIntersecting) next.add(Number((entry.target as HTMLElement).dataset.page));
          return next.size === old.size ? old : next;
        }),
      { root: list, rootMargin: '100% 0px' },
    );
    for (const item of list.querySelectorAll('[data-page]')) observer.observe(item);
    return () => observer.disconnect();
  }, [count]);

  useEffect(() => {
    listRef.current?.querySelector(`[data-page="${current}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const height = Math.round((THUMBNAIL_WIDTH * size.height) / size.width);
  return (
    <nav className="pdf-thumbnails" aria-label="Pages">
      <ol ref={listRef}>
        {Array.from({ length: count }, (_, i) => (
          <li key={i + 1} data-page={i + 1}>
            <button type="button" aria-current={current === i + 1 ? 'page' : undefined} onClick={() => onPick(i + 1)} title={`Page ${i + 1}`}>
              <Thumbnail doc={doc} number={i + 1} drawn={visible.has(i + 1)} height={height} />
              <span className="thumbnail-number">{i + 1}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

const Thumbnail = memo(function Thumbnail({ doc, number, drawn, height }: { doc: PdfDocument; number: number; drawn: boolean; height: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!drawn || !canvas) return;
    let task: { cancel(): void } | null = null;
    let live = true;
    void doc.getPage(number).then((page) => {
      if (!live) return;
      const ratio = window.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: THUMBNAIL_WIDTH / page.getViewport({ scale: 1 }).width });
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const context = canvas.getContext('2d', { alpha: false });
      if (!context) return;
      const render = page.render({ canvas, canvasContext: context, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      task = render;
      render.promise.catch(() => undefined);
    });
    return () => {
      live = false;
      task?.cancel();
    };
  }, [doc, number, drawn]);
  return <canvas ref={canvasRef} className="thumbnail-canvas" width={THUMBNAIL_WIDTH} height={height} style={{ width: THUMBNAIL_WIDTH, height }} aria-hidden="true" />;
});
