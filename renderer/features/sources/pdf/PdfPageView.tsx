import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { pageAt, type TextRange } from '../../../../shared/model';
import type { TextSegment } from '../../../../shared/sources/html-text';
import { providePages } from '../../../app/command-targets';
import { shortcutLabel } from '../../../app/key-platform';
import { PdfPage, type PageReport, type PageSize } from './PdfPage';
import { PdfThumbnails } from './PdfThumbnails';
import type { PdfDocument } from './pdfjs';
import { CSS_PIXELS_PER_PDF_UNIT, scaleFor, stepZoom, zoomLabel, type Zoom } from './zoom';
import { usePdfDocument } from './use-pdf-document';

/** Pages this far (in viewport heights) above or below what is visible are drawn ahead; the rest are freed. */
const DRAW_AHEAD = '150%';

interface PdfPageViewProps {
  sha256: string;
  pages: readonly TextRange[];
  text: string;
  /** The reader's scrolling element (the pages scroll with the header above them). */
  scroller: RefObject<HTMLElement | null>;
  /** An offset to bring into view (a citation, a search hit, a find match); a new object each time. */
  reveal: { offset: number } | undefined;
  /** A new number each time the user asks to go to a page (the command): the page field takes the caret. */
  focusPageField: number;
  /** The map from the drawn pages' text layers to the stored text; null while none is drawn. */
  onSegments(segments: TextSegment[] | null): void;
  /** Shown at the start of the toolbar (the switch to the text view). */
  viewSwitch: ReactNode;
  /** Shown under the toolbar, in the same sticky bar (find). */
  findBar: ReactNode;
}

/**
 * A PDF as it is printed, the way a browser or Zotero shows one: pages drawn
 * by pdf.js with their text layer over them, so words can be selected (and
 * quoted), found, and painted with mentions and the cited passage. A toolbar
 * zooms (Ctrl/⌘ + = − 0 while the pages have focus), fits the width, goes to
 * a page and shows page thumbnails. Only pages near the visible part are
 * drawn.
 */
export function PdfPageView(props: PdfPageViewProps) {
  const state = usePdfDocument(props.sha256);
  if (state.status === 'loading') {
    return (
      <PageViewFrame props={props}>
        <div className="pdf-status" role="status">Opening the pages…</div>
      </PageViewFrame>
    );
  }
  if (state.status === 'failed') {
    return (
      <PageViewFrame props={props}>
        <div className="pdf-status pdf-status-error" role="alert">
          The pages cannot be shown: {state.message} The text view still shows the document.
        </div>
      </PageViewFrame>
    );
  }
  return <LoadedPages doc={state.doc} {...props} />;
}

/** The sticky bar alone, for the loading and failed states. */
function PageViewFrame({ props, children }: { props: PdfPageViewProps; children: ReactNode }) {
  return (
    <div className="pdf-view">
      <div className="reader-bar">
        <div className="reader-toolbar" role="toolbar" aria-label="PDF">
          {props.viewSwitch}
        </div>
        {props.findBar}
      </div>
      {children}
    </div>
  );
}

function LoadedPages({ doc, pages, text, scroller, reveal, focusPageField, onSegments, viewSwitch, findBar }: PdfPageViewProps & { doc: PdfDocument }) {
  const count = doc.numPages;
  const columnRef = useRef<HTMLDivElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const pageField = useRef<HTMLInputElement>(null);
  const [zoom, setZoom] = useState<Zoom>({ kind: 'fit-width' });
  const [columnWidth, setColumnWidth] = useState(0);
  const [sizes, setSizes] = useState<ReadonlyMap<number, PageSize>>(new Map());
  const [active, setActive] = useState<ReadonlySet<number>>(new Set([1]));
  const [reports, setReports] = useState<ReadonlyMap<number, PageReport>>(new Map());
  const [currentPage, setCurrentPage] = useState(1);
  const [pageInput, setPageInput] = useState('1');
  const [thumbnails, setThumbnails] = useState(false);

  const firstSize = sizes.get(1) ?? { width: 612, height: 792 };
  const widest = useMemo(() => Math.max(firstSize.width, ...[...sizes.values()].map((s) => s.width)), [sizes, firstSize.width]);
  const scale = scaleFor(zoom, columnWidth, widest);
  const shownZoom = scale / CSS_PIXELS_PER_PDF_UNIT;

  // The pages column's width, for fitting the width.
  useLayoutEffect(() => {
    const column = columnRef.current;
    if (!column) return;
    const observer = new ResizeObserver(() => setColumnWidth(column.clientWidth));
    observer.observe(column);
    setColumnWidth(column.clientWidth);
    return () => observer.disconnect();
  }, []);

  // The first page's size before anything is drawn, so the empty pages are the right size.
  useEffect(() => {
    let live = true;
    void doc.getPage(1).then((page) => {
      const viewport = page.getViewport({ scale: 1 });
      if (live) setSizes((old) => (old.has(1) ? old : new Map(old).set(1, { width: viewport.width, height: viewport.height })));
    });
    return () => {
      live = false;
    };
  }, [doc]);

  // Which pages are near the visible part: those are drawn.
  useEffect(() => {
    const root = scroller.current;
    const column = columnRef.current;
    if (!root || !column) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setActive((old) => {
          const next = new Set(old);
          for (const entry of entries) {
            const n = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      { root, rootMargin: `${DRAW_AHEAD} 0px` },
    );
    for (const page of column.querySelectorAll('.pdf-page')) observer.observe(page);
    return () => observer.disconnect();
  }, [scroller, count]);

  const onReport = useCallback((n: number, report: PageReport | null) => {
    setReports((old) => {
      if (!report && !old.has(n)) return old;
      const next = new Map(old);
      if (report) next.set(n, report);
      else next.delete(n);
      return next;
    });
  }, []);
  const onSize = useCallback((n: number, size: PageSize) => {
    setSizes((old) => {
      const known = old.get(n);
      return known && known.width === size.width && known.height === size.height ? old : new Map(old).set(n, size);
    });
  }, []);

  // The drawn pages' maps, in page order, as one map of the document.
  useEffect(() => {
    const segments: TextSegment[] = [];
    for (const n of [...reports.keys()].sort((a, b) => a - b)) {
      const report = reports.get(n)!;
      if (report.status === 'mapped') segments.push(...report.segments);
    }
    onSegments(reports.size ? segments : null);
  }, [reports, onSegments]);
  useEffect(() => () => onSegments(null), [onSegments]);

  const pageTop = useCallback((n: number): number | null => {
    const root = scroller.current;
    const el = columnRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${n}"]`);
    if (!root || !el) return null;
    return el.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop - (barRef.current?.offsetHeight ?? 0) - 8;
  }, [scroller]);

  const goToPage = useCallback(
    (n: number) => {
      const page = Math.min(count, Math.max(1, Math.round(n)));
      const top = pageTop(page);
      if (top !== null) scroller.current?.scrollTo({ top });
      setCurrentPage(page);
      setPageInput(String(page));
    },
    [count, pageTop, scroller],
  );

  // A citation, a search hit or a find match on a page not drawn yet: bring the page in; once its
  // text layer is mapped, the reader's highlight scrolls the passage itself into view.
  useEffect(() => {
    if (!reveal) return;
    const n = pageAt(pages, reveal.offset);
    if (n !== null && reports.get(n)?.status !== 'mapped') goToPage(n);
    // Only when asked: a page drawn later must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  // The page that fills most of the view (under the toolbar), for the page field and the thumbnails:
  // after a jump to a passage near a page's top, that page, not the end of the one before.
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const view = root.getBoundingClientRect();
        const top = Math.max(view.top, barRef.current?.getBoundingClientRect().bottom ?? view.top);
        let best = 0;
        let most = 0;
        for (const el of columnRef.current?.querySelectorAll<HTMLElement>('.pdf-page') ?? []) {
          const rect = el.getBoundingClientRect();
          if (rect.top >= view.bottom) break;
          const shown = Math.min(rect.bottom, view.bottom) - Math.max(rect.top, top);
          if (shown > most) {
            most = shown;
            best = Number(el.dataset.page);
          }
        }
        if (!best) return;
        setCurrentPage(best);
        if (document.activeElement !== pageField.current) setPageInput(String(best));
      });
    };
    root.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      root.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [scroller]);

  // Zooming keeps the same spot of the same page at the top of the view.
  const anchor = useRef<{ page: number; fraction: number } | null>(null);
  const changeZoom = useCallback(
    (next: Zoom) => {
      const root = scroller.current;
      const el = columnRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${currentPage}"]`);
      const top = pageTop(currentPage);
      if (root && el && top !== null) anchor.current = { page: currentPage, fraction: Math.min(1, Math.max(0, (root.scrollTop - top) / el.offsetHeight)) };
      setZoom(next);
    },
    [scroller, currentPage, pageTop],
  );
  useLayoutEffect(() => {
    const kept = anchor.current;
    anchor.current = null;
    if (!kept) return;
    const el = columnRef.current?.querySelector<HTMLElement>(`.pdf-page[data-page="${kept.page}"]`);
    const top = pageTop(kept.page);
    if (el && top !== null && scroller.current) scroller.current.scrollTop = top + kept.fraction * el.offsetHeight;
  }, [scale, pageTop, scroller]);

  const zoomIn = useCallback(() => changeZoom({ kind: 'fixed', zoom: stepZoom(shownZoom, 1) }), [changeZoom, shownZoom]);
  const zoomOut = useCallback(() => changeZoom({ kind: 'fixed', zoom: stepZoom(shownZoom, -1) }), [changeZoom, shownZoom]);
  const fitWidth = useCallback(() => changeZoom({ kind: 'fit-width' }), [changeZoom]);
  const commands = useRef({ zoomIn, zoomOut, fitWidth });
  useLayoutEffect(() => {
    commands.current = { zoomIn, zoomOut, fitWidth };
  });
  useEffect(() => providePages({ zoomIn: () => commands.current.zoomIn(), zoomOut: () => commands.current.zoomOut(), fitWidth: () => commands.current.fitWidth() }), []);

  useEffect(() => {
    if (focusPageField > 0) {
      pageField.current?.focus();
      pageField.current?.select();
    }
  }, [focusPageField]);

  const pageTexts = useMemo(() => Array.from({ length: count }, (_, i) => (pages[i] ? text.slice(pages[i].start, pages[i].end) : '')), [count, pages, text]);

  return (
    <div className="pdf-view" data-zoom={zoom.kind === 'fit-width' ? 'fit-width' : String(zoom.zoom)}>
      <div className="reader-bar" ref={barRef}>
        <div className="reader-toolbar" role="toolbar" aria-label="PDF pages">
          {viewSwitch}
          <span className="toolbar-gap" />
          <button type="button" aria-pressed={thumbnails} title="Show a thumbnail of each page" onClick={() => setThumbnails((t) => !t)}>
            Thumbnails
          </button>
          <label className="page-field">
            <input
              ref={pageField}
              aria-label="Page number"
              inputMode="numeric"
              value={pageInput}
              onChange={(e) => setPageInput(e.target.value.replace(/[^0-9]/g, ''))}
              onFocus={(e) => e.target.select()}
              onBlur={() => setPageInput(String(currentPage))}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (pageInput) goToPage(Number(pageInput));
                } else if (e.key === 'Escape') {
                  setPageInput(String(currentPage));
                  e.currentTarget.blur();
                }
              }}
            />
            <span className="page-count">of {count}</span>
          </label>
          <span className="toolbar-gap" />
          <button type="button" className="icon-button" onClick={zoomOut} title={`Zoom out (${shortcutLabel('reader-zoom-out')})`} aria-label="Zoom out">
            −
          </button>
          <output className="zoom-level" aria-live="polite" aria-label="Zoom">
            {zoomLabel(shownZoom)}
          </output>
          <button type="button" className="icon-button" onClick={zoomIn} title={`Zoom in (${shortcutLabel('reader-zoom-in')})`} aria-label="Zoom in">
            +
          </button>
          <button type="button" aria-pressed={zoom.kind === 'fit-width'} onClick={fitWidth} title={`Fit the width (${shortcutLabel('reader-fit-width')})`}>
            Fit width
          </button>
        </div>
        {findBar}
      </div>
      <div className={`pdf-body${thumbnails ? ' with-thumbnails' : ''}`}>
        {thumbnails && <PdfThumbnails doc={doc} count={count} current={currentPage} size={firstSize} onPick={goToPage} />}
        <div className="pdf-pages" ref={columnRef}>
          {Array.from({ length: count }, (_, i) => (
            <PdfPage
              key={i + 1}
              doc={doc}
              number={i + 1}
              scale={scale}
              size={sizes.get(i + 1) ?? firstSize}
              active={active.has(i + 1)}
              pageText={pageTexts[i] ?? ''}
              pageStart={pages[i]?.start ?? 0}
              onReport={onReport}
              onSize={onSize}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
