import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs, setCanvasFactory, type CanvasAndContext } from '../pdf/pdfjs';

/**
 * A PDF page drawn for OCR: pdf.js paints it on a @napi-rs/canvas canvas
 * (Skia) at 300 dpi, without its annotations (their text is read from the
 * annotations themselves), and the pixels go to Tesseract as an 8-bit
 * grey PGM, which it reads without decoding anything.
 */

type NapiCanvas = typeof import('@napi-rs/canvas');
let napi: NapiCanvas | undefined;

/**
 * Loads @napi-rs/canvas once and makes it what pdf.js draws with: its
 * canvases for scratch work, and its Path2D, DOMMatrix and ImageData as the
 * globals pdf.js constructs (text extraction may have installed a stand-in,
 * and pdf.js's own copy of the package is a different, incompatible one).
 */
export async function loadCanvas(): Promise<NapiCanvas> {
  if (!napi) {
    // A CommonJS package: its exports may come as named exports or only as `default`, depending on the loader.
    const loaded = (await import('@napi-rs/canvas')) as Partial<NapiCanvas> & { default?: NapiCanvas };
    napi = typeof loaded.createCanvas === 'function' ? (loaded as NapiCanvas) : loaded.default!;
    const module = napi;
    setCanvasFactory((width, height): CanvasAndContext => {
      const canvas = module.createCanvas(width, height);
      return { canvas, context: canvas.getContext('2d') };
    });
  }
  const g = globalThis as Record<string, unknown>;
  g.Path2D = napi.Path2D;
  g.DOMMatrix = napi.DOMMatrix;
  g.ImageData = napi.ImageData;
  return napi;
}

export interface RenderedPage {
  /** Binary PGM (P5), 8-bit grey. */
  image: Uint8Array;
  dpi: number;
  width: number;
  height: number;
}

export interface RenderOptions {
  /** Resolution to draw at. Default 300, what Tesseract is trained for. */
  dpi?: number;
  /** Most pixels a page may take (a poster-sized page is drawn at a lower resolution). Default 25 million. */
  maxPixels?: number;
  signal?: AbortSignal;
}

/** pdf.js's AnnotationMode.DISABLE: the page's content only. */
const ANNOTATIONS_OFF = 0;

export async function renderPageForOcr(doc: PDFDocumentProxy, pageNumber: number, options: RenderOptions = {}): Promise<RenderedPage> {
  const { createCanvas } = await loadCanvas();
  const page = await doc.getPage(pageNumber);
  try {
    const size = page.getViewport({ scale: 1 });
    const maxPixels = options.maxPixels ?? 25_000_000;
    let dpi = options.dpi ?? 300;
    const pixelsAt = (d: number) => (size.width * d) / 72 * ((size.height * d) / 72);
    if (pixelsAt(dpi) > maxPixels) dpi = Math.floor(dpi * Math.sqrt(maxPixels / pixelsAt(dpi)));
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.max(1, Math.ceil(viewport.width));
    const height = Math.max(1, Math.ceil(viewport.height));
    const canvas = createCanvas(width, height);
    try {
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      const task = page.render({
        canvas: canvas as unknown as HTMLCanvasElement,
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
        annotationMode: ANNOTATIONS_OFF,
        background: '#ffffff',
      });
      const cancel = () => task.cancel();
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        await task.promise;
      } finally {
        options.signal?.removeEventListener('abort', cancel);
      }
      const { data } = context.getImageData(0, 0, width, height);
      return { image: toPgm(data, width, height), dpi, width, height };
    } finally {
      // Frees the pixels now, not at the next collection.
      canvas.width = 0;
      canvas.height = 0;
    }
  } finally {
    page.cleanup();
  }
}

/** RGBA pixels (on white, so alpha is ignored) as a binary 8-bit grey PGM. */
export function toPgm(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  // ITU-R BT.601 luma, in integers.
  for (let i = 0, j = header.length; i < rgba.length; i += 4, j++) out[j] = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
  return out;
}

/**
 * Whether a page draws a picture (a scan, a photo of a page): what makes a
 * page with only a few words of text (a Bates number stamped on a scan)
 * worth reading by OCR.
 */
export async function paintsImages(doc: PDFDocumentProxy, pageNumber: number): Promise<boolean> {
  const { OPS } = await loadPdfjs();
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageXObjectRepeat, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObject, OPS.paintImageMaskXObjectGroup, OPS.paintImageMaskXObjectRepeat]);
  const page = await doc.getPage(pageNumber);
  // The same intent and annotation mode as renderPageForOcr: pdf.js keeps this list for the drawing that may follow.
  const list = await page.getOperatorList({ annotationMode: ANNOTATIONS_OFF });
  return list.fnArray.some((op) => imageOps.has(op));
}
