import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { annotationLines, type AnnotationData } from './annotations';

/** pdf.js in Node: loading it safely, opening a document, reading a page's text (shared by the parser and page-worker.ts). */

/** Where pdf.js's CMaps (CJK encodings) and standard font data are, on disk. */
export interface PdfAssets {
  cMapDir: string;
  standardFontDir: string;
  /** pdf.js's WebAssembly image decoders (JBIG2, JPEG 2000) and colour management, used when a page is rendered. */
  wasmDir: string;
}

// ---------------------------------------------------------------------------
// Loading pdf.js

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<Pdfjs> | undefined;

/**
 * Loads pdf.js once per thread, with its "worker" running on this thread
 * (Node has no Web Workers; our parallelism is our own helper threads).
 *
 * Three things about the legacy build in Node and Electron, handled here:
 * - It builds a `DOMMatrix` when it loads (for canvas rendering). Plain Node
 *   has none; pdf.js fills it from the optional native `@napi-rs/canvas`, but
 *   in Electron's utilityProcess pdf.js does not think it runs in Node and
 *   fills nothing, so the import would fail with a ReferenceError. Text
 *   extraction never uses it: a minimal stand-in is installed when missing.
 * - Its core-js polyfills replace some built-ins the runtime already has
 *   when they miss a fine point of the spec: on Node 20 `Array.prototype.push`
 *   (3× slower, and pdf.js pushes a lot), `JSON.parse`, `JSON.stringify`,
 *   `Function.prototype.toString`. We keep the polyfills that add what is
 *   missing and put the runtime's own built-ins back.
 * - Without `@napi-rs/canvas` it warns on the console while loading, before
 *   any verbosity setting can apply; those canvas warnings are dropped (we
 *   never render).
 *
 * Two things it does while loading cost start-up time on every thread and
 * serve only rendering or the network, so they are kept from happening
 * (see renderingOnlyLoadsBlocked): in plain Node it loads its own copy of
 * the native `@napi-rs/canvas` (which OCR replaces with ours anyway, see
 * ocr/render.ts; in the app's utilityProcess it never loads it), and it
 * touches `Response`, which makes Node load its whole fetch implementation
 * (undici) to add a `bytes()` method we never call.
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    installDomMatrixStandIn();
    const unblock = renderingOnlyLoadsBlocked();
    const natives = snapshotBuiltins();
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill `(ImageData|Path2D|DOMMatrix)`)/.test(args[0])) return;
      warn.apply(console, args);
    };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // @ts-expect-error -- pdfjs-dist ships no types for its worker module
      const workerModule = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as { WorkerMessageHandler: unknown };
      // pdf.js runs its worker side on this thread when it finds it here,
      // instead of looking for a worker file relative to itself.
      const g = globalThis as { pdfjsWorker?: { WorkerMessageHandler: unknown } };
      g.pdfjsWorker ??= { WorkerMessageHandler: workerModule.WorkerMessageHandler };
      return pdfjs;
    } finally {
      console.warn = warn;
      restoreBuiltins(natives);
      unblock();
    }
  })();
  return pdfjsLoading;
}

/** What pdf.js's Node start-up (pdf.mjs: `if (isNodeJS)`) requires that only rendering uses. */
const RENDERING_ONLY_PACKAGES = new Set(['@napi-rs/canvas']);

/**
 * While pdf.js loads: its `require` of `@napi-rs/canvas` fails (pdf.js
 * catches that and warns, and the warning is dropped), and `Response` is a
 * stand-in that already has `bytes()`, so Node's lazy fetch globals stay
 * unloaded. Returns what puts both back as they were.
 */
function renderingOnlyLoadsBlocked(): () => void {
  const restore: (() => void)[] = [];
  const proc = process as { getBuiltinModule?: (id: string) => unknown };
  const getBuiltinModule = proc.getBuiltinModule;
  if (typeof getBuiltinModule === 'function') {
    proc.getBuiltinModule = function (this: unknown, id: string) {
      const builtin = getBuiltinModule.call(this, id);
      if (id !== 'module' && id !== 'node:module') return builtin;
      const moduleBuiltin = builtin as typeof import('node:module');
      return Object.assign(Object.create(moduleBuiltin) as object, {
        createRequire(from: string | URL) {
          const realRequire = moduleBuiltin.createRequire(from);
          return Object.assign((id: string) => {
            if (RENDERING_ONLY_PACKAGES.has(id)) throw new Error(`${id} is loaded only to render (ocr/render.ts)`);
            return realRequire(id);
          }, realRequire);
        },
      });
    };
    restore.push(() => (proc.getBuiltinModule = getBuiltinModule));
  }
  const g = globalThis as { Response?: unknown };
  const response = Object.getOwnPropertyDescriptor(globalThis, 'Response');
  // Only while it is still Node's lazy getter: a Response already loaded costs nothing more.
  if (response?.get && response.configurable) {
    class ResponseStandIn {
      async bytes(): Promise<Uint8Array> {
        throw new Error('Response is not available while pdf.js loads');
      }
    }
    Object.defineProperty(globalThis, 'Response', { value: ResponseStandIn, configurable: true, writable: true, enumerable: response.enumerable ?? false });
    restore.push(() => {
      if (g.Response === ResponseStandIn) Object.defineProperty(globalThis, 'Response', response);
    });
  }
  return () => restore.forEach((undo) => undo());
}

function installDomMatrixStandIn(): void {
  const g = globalThis as { DOMMatrix?: unknown };
  if (g.DOMMatrix !== undefined) return;
  /** Identity only: enough for pdf.js to load; text extraction never uses it. */
  class DOMMatrixStandIn {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
    readonly is2D = true;
    get isIdentity(): boolean {
      return this.a === 1 && this.b === 0 && this.c === 0 && this.d === 1 && this.e === 0 && this.f === 0;
    }
  }
  g.DOMMatrix = DOMMatrixStandIn;
}

type Snapshot = [target: object, key: PropertyKey, descriptor: PropertyDescriptor][];

function intrinsics(): object[] {
  const typedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype) as object;
  return [
    Object, Object.prototype, Function.prototype, Array, Array.prototype, String, String.prototype, Number, Number.prototype,
    Math, JSON, Reflect, Promise, Promise.prototype, Map, Map.prototype, Set, Set.prototype, WeakMap.prototype,
    RegExp.prototype, ArrayBuffer, ArrayBuffer.prototype, typedArrayPrototype, Uint8Array, Uint8Array.prototype, Symbol,
  ];
}

function snapshotBuiltins(): Snapshot {
  const snapshot: Snapshot = [];
  for (const target of intrinsics()) {
    for (const key of Reflect.ownKeys(target)) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor && typeof descriptor.value === 'function') snapshot.push([target, key, descriptor]);
    }
  }
  return snapshot;
}

function restoreBuiltins(snapshot: Snapshot): void {
  for (const [target, key, descriptor] of snapshot) {
    const now = Object.getOwnPropertyDescriptor(target, key);
    if (now && now.value !== descriptor.value && now.configurable) Object.defineProperty(target, key, descriptor);
  }
}

let assetsFound: PdfAssets | undefined;

/** pdf.js's data folders, found from the installed pdfjs-dist. */
export function pdfAssets(): PdfAssets {
  if (!assetsFound) {
    // import.meta.url is empty if this is bundled as CommonJS; resolve from the working directory then.
    const from: string | undefined = import.meta.url;
    const root = dirname(createRequire(from || join(process.cwd(), 'index.js')).resolve('pdfjs-dist/package.json'));
    assetsFound = { cMapDir: join(root, 'cmaps'), standardFontDir: join(root, 'standard_fonts'), wasmDir: join(root, 'wasm') };
  }
  return assetsFound;
}

/**
 * File readers for CMaps and standard fonts. pdf.js picks fetch() or fs by
 * whether it thinks it runs in Node, and in Electron's utilityProcess it
 * guesses "browser"; these read from disk in both. Names come from the file
 * being read, so they are checked before they become paths.
 */
function assetReaders(assets: PdfAssets) {
  const safe = (name: unknown): string => {
    if (typeof name !== 'string' || !/^[A-Za-z0-9][\w.+-]*$/.test(name) || name.includes('..')) throw new Error(`Refused PDF resource name ${JSON.stringify(name)}`);
    return name;
  };
  class CMapReader {
    async fetch({ name }: { name: unknown }) {
      const cMapData = new Uint8Array(await readFile(join(assets.cMapDir, `${safe(name)}.bcmap`)));
      return { cMapData, isCompressed: true };
    }
  }
  class StandardFontReader {
    async fetch({ filename }: { filename: unknown }) {
      return new Uint8Array(await readFile(join(assets.standardFontDir, safe(filename))));
    }
  }
  class WasmReader {
    async fetch({ filename }: { filename: unknown }) {
      return new Uint8Array(await readFile(join(assets.wasmDir, safe(filename))));
    }
  }
  return { CMapReaderFactory: CMapReader, StandardFontDataFactory: StandardFontReader, WasmFactory: WasmReader };
}

/** A 2D canvas as pdf.js's canvas factories hand them out. */
export interface CanvasAndContext {
  canvas: { width: number; height: number } | null;
  context: unknown;
}

let canvasFactory: ((width: number, height: number) => CanvasAndContext) | undefined;

/**
 * Where pdf.js gets the scratch canvases it needs while rendering a page
 * (patterns, masks, groups). It would pick one by whether it thinks it runs
 * in Node (in a utilityProcess it does not, and reaches for `document`), and
 * in Node it would load its own copy of @napi-rs/canvas, whose canvases the
 * renderer's (ours) refuses. ocr/render.ts installs ours before rendering.
 */
export function setCanvasFactory(create: (width: number, height: number) => CanvasAndContext): void {
  canvasFactory = create;
}

class CanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    if (!canvasFactory) throw new Error('No canvas to render with');
    return canvasFactory(width, height);
  }
  reset(canvasAndContext: CanvasAndContext, width: number, height: number): void {
    if (!canvasAndContext.canvas) throw new Error('Canvas is not specified');
    canvasAndContext.canvas.width = width;
    canvasAndContext.canvas.height = height;
  }
  destroy(canvasAndContext: CanvasAndContext): void {
    if (!canvasAndContext.canvas) throw new Error('Canvas is not specified');
    // Zeroing the size frees the pixels at once rather than at the next GC.
    canvasAndContext.canvas.width = 0;
    canvasAndContext.canvas.height = 0;
    canvasAndContext.canvas = null;
    canvasAndContext.context = null;
  }
}

// ---------------------------------------------------------------------------
// Opening a document and reading a page (shared with page-worker.ts)

export interface OpenedPdf {
  doc: PDFDocumentProxy;
  close(): Promise<void>;
}

/**
 * Opens a PDF from bytes it may keep (pdf.js takes the buffer over: pass a
 * copy). Safe settings: no eval, no font loading, no system fonts, no
 * network, no XFA; its data files (CMaps, fonts, wasm decoders) are read
 * from disk. `strict` stops at the first error instead of recovering what
 * it can (see the parser). Errors are pdf.js's own (see toImportError).
 */
export async function openPdf(bytes: Uint8Array, assets: PdfAssets, options: { strict?: boolean } = {}): Promise<OpenedPdf> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    data: bytes,
    ...assetReaders(assets),
    useWorkerFetch: false,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    enableXfa: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    // For rendering scanned pages (OCR): JBIG2 and JPEG 2000 images decode only with pdf.js's wasm, read from disk (assetReaders).
    useWasm: true,
    CanvasFactory,
    // Recover what can be read from a damaged page rather than fail the
    // whole file, except in a file that may have been cut short (no %%EOF),
    // where an error means pages are missing.
    stopAtErrors: options.strict ?? false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    return { doc, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => {});
    throw error;
  }
}

/** What one page holds: the text of its content, and what its annotations and form fields say (see annotationLines). */
export interface PageContent {
  /** The page's own text (pageText); empty on a page that is only an image, such as a scan. */
  text: string;
  /** One line per annotation or filled field, each marked with what it is ("[Form field “Name”] Jane Doe"). */
  annotations: string[];
}

/** A page's content text and annotation lines (1-based page number). */
export async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<PageContent> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const text = pageText(content.items);
    let annotations: string[] = [];
    try {
      annotations = annotationLines((await page.getAnnotations({ intent: 'display' })) as AnnotationData[], text);
    } catch {
      // Damaged annotations are no reason to lose the page's text.
    }
    return { text, annotations };
  } finally {
    page.cleanup();
  }
}

/** A page as it goes into the source's text: its content, then its annotation lines. */
export function composePage({ text, annotations }: PageContent): string {
  return [text, ...annotations].filter(Boolean).join('\n');
}

/** The text of one page (1-based): its content and annotations, normalized (see pageText, annotationLines). */
export async function readPageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  return composePage(await readPage(doc, pageNumber));
}

/**
 * A page's text from pdf.js text items: items in content order, a line break
 * where pdf.js marks one (`hasEOL`), a space or line break between items that
 * pdf.js left touching but that sit apart on the page, whitespace runs
 * collapsed to one space, one line break between lines, no blank lines.
 * Hyphenation is left as printed.
 *
 * Control characters: a font without a Unicode map hands pdf.js its glyph
 * codes, and code 2 or 3 is often the space glyph ("Ease\u0002of\u0002Use"),
 * so a control character stands for a space, never for nothing. An item
 * that is mostly control characters is such a font's whole text, which no
 * reader can decode: it is left out rather than kept as noise.
 */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string {
  let raw = '';
  let previous: TextItem | undefined;
  for (const original of items) {
    if (!('str' in original)) continue;
    const item = readableItem(original);
    if (item.str) {
      if (previous && raw && !/\s$/.test(raw) && !/^\s/.test(item.str)) raw += gapBetween(previous, item);
      raw += item.str;
      previous = item;
    }
    if (item.hasEOL) raw += '\n';
  }
  return normalizeWhitespace(raw);
}

const isHorizontal = (m: readonly number[]) => Math.abs(m[1] ?? 0) < 1e-6 && Math.abs(m[2] ?? 0) < 1e-6;

/** Whether two text matrices write in the same direction (within about a degree). */
function sameDirection(ma: readonly number[], mb: readonly number[]): boolean {
  const angle = (m: readonly number[]) => Math.atan2(m[1] ?? 0, m[0] ?? 0);
  const difference = Math.abs(angle(ma) - angle(mb)) % (2 * Math.PI);
  return Math.min(difference, 2 * Math.PI - difference) < 0.02;
}

/** What separates two consecutive items with no whitespace between them. */
function gapBetween(a: TextItem, b: TextItem): string {
  const ma = a.transform as number[];
  const mb = b.transform as number[];
  // Text turned another way than the line before (a diagonal watermark, a rotated label) is not on that line.
  if (!isHorizontal(ma) || !isHorizontal(mb)) return sameDirection(ma, mb) ? '' : '\n';
  if (a.dir !== b.dir || a.dir === 'ttb') return '';
  const size = Math.max(Math.abs(ma[3] ?? 0), Math.abs(mb[3] ?? 0), 1);
  const dy = Math.abs((ma[5] ?? 0) - (mb[5] ?? 0));
  if (dy > size * 0.7) return '\n';
  if (a.dir === 'rtl') return '';
  const gap = (mb[4] ?? 0) - ((ma[4] ?? 0) + a.width);
  // A visible gap (more than a fifth of the font size), or a jump back left on the same line.
  return gap > size * 0.2 || gap < -size ? ' ' : '';
}

const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** The item with its control characters as spaces, or emptied if they are most of it (see pageText). */
function readableItem(item: TextItem): TextItem {
  const controls = item.str.match(CONTROL)?.length ?? 0;
  if (controls === 0) return item;
  const visible = item.str.replace(CONTROL, '').replace(/\s+/g, '').length;
  return { ...item, str: controls >= visible ? ' ' : item.str.replace(CONTROL, ' ') };
}

export function normalizeWhitespace(raw: string): string {
  return raw
    .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
    .replace(CONTROL, ' ')
    .replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}
