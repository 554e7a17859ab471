import type { TextSegment } from '../../../../shared/sources/html-text';
import { loadPdfjs, type PdfDocument, type PdfPage } from './pdfjs';
import { alignItems } from './text-layer-map';
import { bindTextLayerSelection } from './text-layer-selection';

/** Canvases above this many pixels are drawn at a lower resolution (memory, as pdf.js's viewer does). */
const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;

export type PageMap = { status: 'mapped'; segments: TextSegment[] } | { status: 'unmapped' };

/**
 * Draws one page of a PDF, pdf.js's way: a canvas for what is printed, and
 * over it the text layer (transparent text positioned on the printed words)
 * for selecting, finding and painting highlights with the CSS Highlight API.
 * The text layer's characters are mapped to the stored text of the page
 * (text-layer-map.ts), so a selection on the page is a range of the source.
 *
 * Imperative and owned by one PdfPage component; React never renders inside
 * the canvas or the text layer.
 */
export class PageRenderer {
  #page: PdfPage | null = null;
  #renderTask: { cancel(): void; promise: Promise<void> } | null = null;
  #textLayer: { update(p: { viewport: unknown }): void; cancel(): void } | null = null;
  #unbindSelection: (() => void) | null = null;
  /** The latest viewport asked for: a text layer built while the user zoomed again catches up with it. */
  #viewport: ReturnType<PdfPage['getViewport']> | null = null;
  #destroyed = false;

  constructor(
    private readonly doc: PdfDocument,
    private readonly pageNumber: number,
    private readonly canvas: HTMLCanvasElement,
    private readonly layer: HTMLDivElement,
  ) {}

  /** The page's size in PDF units at scale 1. */
  async size(): Promise<{ width: number; height: number }> {
    const viewport = (await this.page()).getViewport({ scale: 1 });
    return { width: viewport.width, height: viewport.height };
  }

  /**
   * Draws the page at `scale` (CSS pixels per PDF unit). The text layer is
   * built and mapped once (the answer), and only re-laid out on later scales,
   * so the DOM nodes the map points at stay the same.
   */
  async draw(scale: number, pageText: string): Promise<PageMap | null> {
    const page = await this.page();
    if (this.#destroyed) return null;
    const viewport = page.getViewport({ scale });
    this.#viewport = viewport;
    this.#drawCanvas(page, viewport);
    if (this.#textLayer) {
      this.#textLayer.update({ viewport });
      return null;
    }
    const { TextLayer } = await loadPdfjs();
    // The same call, with the same defaults, as the importer's: the items the stored text was made from.
    const content = await page.getTextContent();
    if (this.#destroyed || this.#textLayer) return null;
    this.layer.replaceChildren();
    const textLayer = new TextLayer({ textContentSource: content, container: this.layer, viewport });
    this.#textLayer = textLayer;
    await textLayer.render();
    if (this.#destroyed) return null;
    if (this.#viewport && this.#viewport !== viewport) textLayer.update({ viewport: this.#viewport });
    this.#unbindSelection = bindTextLayerSelection(this.layer);
    const runs = alignItems(textLayer.textContentItemsStr, pageText);
    if (!runs) return { status: 'unmapped' };
    const divs = textLayer.textDivs;
    const segments: TextSegment[] = [];
    for (const run of runs) {
      const node = divs[run.item]?.firstChild;
      if (!node || node.nodeType !== Node.TEXT_NODE) return { status: 'unmapped' };
      segments.push({ node: node as Text, nodeOffset: run.itemOffset, textOffset: run.textOffset, length: run.length });
    }
    return { status: 'mapped', segments };
  }

  #drawCanvas(page: PdfPage, viewport: ReturnType<PdfPage['getViewport']>): void {
    this.#renderTask?.cancel();
    const ratio = window.devicePixelRatio || 1;
    const pixels = viewport.width * viewport.height * ratio * ratio;
    const output = pixels > MAX_CANVAS_PIXELS ? ratio * Math.sqrt(MAX_CANVAS_PIXELS / pixels) : ratio;
    const canvas = this.canvas;
    delete canvas.dataset.drawn;
    canvas.width = Math.floor(viewport.width * output);
    canvas.height = Math.floor(viewport.height * output);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    const context = canvas.getContext('2d', { alpha: false });
    if (!context) return;
    const task = page.render({ canvas, canvasContext: context, viewport, transform: output !== 1 ? [output, 0, 0, output, 0, 0] : undefined });
    this.#renderTask = task;
    task.promise.then(
      () => {
        if (this.#renderTask !== task) return;
        this.#renderTask = null;
        // Painted at its current size: what journeys and the first-page benchmark wait for.
        canvas.dataset.drawn = 'true';
      },
      // A cancelled render (zoomed again, scrolled away) is no failure; a page that cannot be drawn shows blank.
      () => undefined,
    );
  }

  async page(): Promise<PdfPage> {
    this.#page ??= await this.doc.getPage(this.pageNumber);
    return this.#page;
  }

  /** Frees the canvas and the text layer (the page scrolled far away, or the view closed). */
  destroy(): void {
    this.#destroyed = true;
    this.#renderTask?.cancel();
    this.#textLayer?.cancel();
    this.#unbindSelection?.();
    this.layer.replaceChildren();
    delete this.canvas.dataset.drawn;
    this.canvas.width = 0;
    this.canvas.height = 0;
    this.#page?.cleanup();
  }
}
