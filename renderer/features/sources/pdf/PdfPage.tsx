import { memo, useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { TextSegment } from '../../../../shared/sources/html-text';
import type { PdfDocument } from './pdfjs';
import { PageRenderer } from './page-renderer';

export interface PageSize {
  width: number;
  height: number;
}

/** What a page reports once its text layer is built: its segments (document offsets), or that its text could not be matched. */
export type PageReport = { status: 'mapped'; segments: TextSegment[] } | { status: 'unmapped' };

interface PdfPageProps {
  doc: PdfDocument;
  /** 1-based. */
  number: number;
  /** CSS pixels per PDF unit. */
  scale: number;
  /** At scale 1: the page's own once known, else the first page's. */
  size: PageSize;
  /** Near the visible part of the document: drawn; otherwise an empty box of the right size. */
  active: boolean;
  /** The stored text of this page, and where it starts in the source's text. */
  pageText: string;
  pageStart: number;
  onReport(number: number, report: PageReport | null): void;
  onSize(number: number, size: PageSize): void;
}

/**
 * One page of the page view: an empty box of the page's size until it comes
 * near the visible part, then its canvas and text layer (page-renderer.ts).
 * Pages far away are freed again, so a long document keeps only a few pages
 * drawn.
 */
export const PdfPage = memo(function PdfPage({ doc, number, scale, size, active, pageText, pageStart, onReport, onSize }: PdfPageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const renderer = useRef<PageRenderer | null>(null);
  const drawnScale = useRef(0);
  const [unmapped, setUnmapped] = useState(false);
  const latest = useRef({ scale, pageText, pageStart, onReport, onSize });
  useLayoutEffect(() => {
    latest.current = { scale, pageText, pageStart, onReport, onSize };
  });

  useEffect(() => {
    if (!active || !canvasRef.current || !layerRef.current) return;
    const r = new PageRenderer(doc, number, canvasRef.current, layerRef.current);
    renderer.current = r;
    let live = true;
    void (async () => {
      try {
        const own = await r.size();
        if (live) latest.current.onSize(number, own);
        drawnScale.current = latest.current.scale;
        const map = await r.draw(latest.current.scale, latest.current.pageText);
        if (!live || !map) return;
        setUnmapped(map.status === 'unmapped');
        const { pageStart: offset } = latest.current;
        latest.current.onReport(
          number,
          map.status === 'mapped' ? { status: 'mapped', segments: map.segments.map((s) => ({ ...s, textOffset: s.textOffset + offset })) } : map,
        );
      } catch {
        // A page pdf.js cannot read stays an empty box; the others are unaffected.
        if (live) latest.current.onReport(number, { status: 'unmapped' });
      }
    })();
    return () => {
      live = false;
      renderer.current = null;
      drawnScale.current = 0;
      r.destroy();
      latest.current.onReport(number, null);
    };
  }, [doc, number, active]);

  // A new zoom: the same page redrawn, its text layer re-laid out (the mapped nodes stay).
  useEffect(() => {
    if (!renderer.current || drawnScale.current === 0 || drawnScale.current === scale) return;
    drawnScale.current = scale;
    void renderer.current.draw(scale, latest.current.pageText).catch(() => undefined);
  }, [scale]);

  const style = {
    width: `${Math.floor(size.width * scale)}px`,
    height: `${Math.floor(size.height * scale)}px`,
    '--total-scale-factor': String(scale),
  } as CSSProperties;
  return (
    <section className="pdf-page" data-page={number} data-active={active ? 'true' : 'false'} aria-label={`Page ${number}`} style={style}>
      <canvas ref={canvasRef} className="pdf-page-canvas" aria-hidden="true" />
      <div ref={layerRef} className={`textLayer${unmapped ? ' unmapped' : ''}`} />
      {unmapped && active && (
        <div className="pdf-page-note" role="note">
          The text on this page does not match the text stored at import, so nothing can be marked or quoted here. Use the text view.
        </div>
      )}
    </section>
  );
});
