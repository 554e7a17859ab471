import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';

/** pdf.js in Node: loading it safely, opening a document, reading a page's text (shared by the parser and page-worker.ts). */

/** Where pdf.js's CMaps (CJK encodings) and standard font data are, on disk. */
export interface PdfAssets {
  cMapDir: string;
  standardFontDir: string;
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
 */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsLoading ??= (async () => {
    installDomMatrixStandIn();
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
    }
  })();
  return pdfjsLoading;
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
    assetsFound = { cMapDir: join(root, 'cmaps'), standardFontDir: join(root, 'standard_fonts') };
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
  return { CMapReaderFactory: CMapReader, StandardFontDataFactory: StandardFontReader };
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
 * network, no XFA. Errors are pdf.js's own (see toImportError).
 */
export async function openPdf(bytes: Uint8Array, assets: PdfAssets): Promise<OpenedPdf> {
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
    useWasm: false,
    // Recover what can be read from a damaged page rather than fail the
    // whole file; a file cut short is refused before it gets here.
    stopAtErrors: false,
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

/** The text of one page (1-based), normalized (see pageText). */
export async function readPageText(doc: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await doc.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    return pageText(content.items);
  } finally {
    page.cleanup();
  }
}

/**
 * A page's text from pdf.js text items: items in content order, a line break
 * where pdf.js marks one (`hasEOL`), a space or line break between items that
 * pdf.js left touching but that sit apart on the page, whitespace runs
 * collapsed to one space, one line break between lines, no blank lines,
 * no control characters. Hyphenation is left as printed.
 */
export function pageText(items: readonly (TextItem | TextMarkedContent)[]): string {
  let raw = '';
  let previous: TextItem | undefined;
  for (const item of items) {
    if (!('str' in item)) continue;
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

/** What separates two consecutive items with no whitespace between them. */
function gapBetween(a: TextItem, b: TextItem): string {
  const ma = a.transform as number[];
  const mb = b.transform as number[];
  if (!isHorizontal(ma) || !isHorizontal(mb) || a.dir !== b.dir || a.dir === 'ttb') return '';
  const size = Math.max(Math.abs(ma[3] ?? 0), Math.abs(mb[3] ?? 0), 1);
  const dy = Math.abs((ma[5] ?? 0) - (mb[5] ?? 0));
  if (dy > size * 0.7) return '\n';
  if (a.dir === 'rtl') return '';
  const gap = (mb[4] ?? 0) - ((ma[4] ?? 0) + a.width);
  // A visible gap (more than a fifth of the font size), or a jump back left on the same line.
  return gap > size * 0.2 || gap < -size ? ' ' : '';
}

export function normalizeWhitespace(raw: string): string {
  return raw
    .replace(/\r\n?|[\v\f\u0085\u2028\u2029]/g, '\n')
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .replace(/ ?\n[\n ]*/g, '\n')
    .trim();
}
