import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import type { TextRange } from '../../../../shared/model/imported-source';
import { ImportError, isImportError } from '../errors';
import type { FormatParser, ParseInput, ParsedDocument } from '../types';

/**
 * PDF import with pdf.js (the legacy build, the one meant for Node): the text
 * of every page, page ranges into that text, and the document's metadata.
 *
 * Text is extracted page by page on this thread and, for longer documents,
 * on helper threads at the same time (page-worker.ts): every thread opens its
 * own copy of the document and takes the next page from a shared counter, so
 * the work balances itself however slow a thread starts or a page is. Pages
 * are merged in order; a helper that fails or never starts only means this
 * thread does more of the pages. See createPdfParser for how the helper
 * script is found.
 *
 * Plain Node: never imports `electron`.
 */

export interface PdfParserOptions {
  /**
   * The bundled page worker (scripts/build-import-workers.mjs builds
   * page-worker.ts into one ES module). `null` extracts on this thread only.
   * Default: `CASEBOOK_PDF_PAGE_WORKER` if set, else `pdf-page-worker.mjs`
   * beside the running bundle (or one folder up from a split chunk); if
   * there is none, this thread only.
   */
  workerScript?: string | URL | null;
  /** Threads to use in all, this one included. Default: the machine's parallelism, at most 4. */
  threads?: number;
  /** Documents with fewer pages are read on this thread only: starting a helper costs more than it saves. Default 8. */
  minPagesForWorkers?: number;
  /** Files at least this large start their helpers at once, before the page count is known (and stop them if it is low). Default 256 KiB. */
  earlyHelpersFromBytes?: number;
}

export const PAGE_WORKER_PROTOCOL = 'casebook-pdf-pages/1';

/** What a helper thread is started with (see page-worker.ts). */
export interface PageWorkerData {
  /** Names the protocol, so a page worker from another build refuses to run. */
  kind: typeof PAGE_WORKER_PROTOCOL;
  /** The file; the helper opens its own copy and learns the page count from it. */
  bytes: Uint8Array;
  /** Int32Array over it: index of the next page nobody has taken yet. */
  cursor: SharedArrayBuffer;
  assets: PdfAssets;
}

/** Messages from a helper thread. */
export type PageWorkerMessage = { type: 'page'; index: number; text: string } | { type: 'done' } | { type: 'failed'; message: string };

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

// ---------------------------------------------------------------------------
// The parser

const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PDF_EOF = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

function indexOfBytes(haystack: Uint8Array, needle: readonly number[], from = 0, to = haystack.length): number {
  outer: for (let i = from; i <= Math.min(to, haystack.length) - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Refuses, before pdf.js sees them, files that are not PDFs or were cut short. */
function checkShape(bytes: Uint8Array, fileName: string): void {
  if (bytes.byteLength === 0) throw new ImportError('empty', `${fileName}: the file is empty`);
  if (indexOfBytes(bytes, PDF_HEADER, 0, 1024 + PDF_HEADER.length) < 0) {
    throw new ImportError('corrupt', `${fileName}: not a PDF — it has no PDF header, so it is damaged or another kind of file named .pdf`);
  }
  // Every complete PDF ends with %%EOF (an updated one has several); none
  // at all means the end of the file is missing. pdf.js might still show
  // the first pages, but a silently partial source is worse than a clear error.
  if (lastIndexOfBytes(bytes, PDF_EOF) < 0) {
    throw new ImportError('corrupt', `${fileName}: the PDF is incomplete (its end is missing, as when a download or copy is cut short) — get the file again and import it`);
  }
}

/** pdf.js's exceptions (matched by name: not all are exported) as the file's ImportError. */
export function toImportError(error: unknown, fileName: string): ImportError {
  if (isImportError(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new ImportError('encrypted', `${fileName}: encrypted PDF — remove the password and import again`, { cause: error });
  if (name === 'InvalidPDFException') return new ImportError('corrupt', `${fileName}: damaged PDF — its structure could not be read (${message})`, { cause: error });
  return new ImportError('corrupt', `${fileName}: damaged PDF — it could not be read (${message})`, { cause: error });
}

const cancelled = (fileName: string) => new ImportError('cancelled', `${fileName}: import cancelled.`);

const WORKER_FILE = 'pdf-page-worker.mjs';

function defaultWorkerScript(): string | null {
  const fromEnv = process.env.CASEBOOK_PDF_PAGE_WORKER;
  if (fromEnv) return fromEnv;
  const here: string | undefined = import.meta.url;
  if (!here?.startsWith('file:')) return null;
  // Beside the running bundle, or one folder up when this code sits in a
  // split chunk (dist/electron/import-chunks/): built in the same step as
  // the import process, so never a stale copy from another build.
  for (const relative of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    const path = fileURLToPath(new URL(relative, here));
    if (existsSync(path)) return path;
  }
  return null;
}

/**
 * A PDF parser. Where the page worker is found:
 * - `workerScript` if given (`null`: this thread only);
 * - else the `CASEBOOK_PDF_PAGE_WORKER` environment variable;
 * - else `pdf-page-worker.mjs` beside the module running this code, or one
 *   folder up from it (the import process is dist/electron/import-worker.mjs
 *   and this code one of its chunks in dist/electron/import-chunks/);
 * - else none: every page is read on this thread (also what happens under
 *   Vitest, which runs the TypeScript source, unless a test passes a script).
 */
export function createPdfParser(options: PdfParserOptions = {}): FormatParser {
  return async (input) => {
    let workerScript = options.workerScript === undefined ? defaultWorkerScript() : options.workerScript;
    // worker_threads takes only absolute paths (or ./ and ../ ones): make any other path absolute.
    if (typeof workerScript === 'string' && !/^file:/i.test(workerScript)) workerScript = resolve(workerScript);
    return parse(input, { ...options, workerScript });
  };
}

/** The PDF parser the dispatcher uses; see createPdfParser. */
export const parsePdf: FormatParser = createPdfParser();

async function parse(input: ParseInput, options: PdfParserOptions & { workerScript: string | URL | null }): Promise<ParsedDocument> {
  const { bytes, fileName, signal } = input;
  if (signal?.aborted) throw cancelled(fileName);
  checkShape(bytes, fileName);
  let assets: PdfAssets;
  try {
    assets = pdfAssets();
  } catch (error) {
    throw readerFailed(fileName, error);
  }

  const script = options.workerScript;
  const helpers = new Helpers(assets);
  try {
    // A large file starts its helpers now, so their start-up (loading pdf.js,
    // opening the file) overlaps ours; a smaller one only once its page count
    // says they are worth it.
    if (script && bytes.byteLength >= (options.earlyHelpersFromBytes ?? 256 * 1024)) helpers.start(script, bytes, helperCount(options));
    try {
      await loadPdfjs();
    } catch (error) {
      throw readerFailed(fileName, error);
    }
    let opened: OpenedPdf;
    try {
      // A copy: pdf.js takes over the buffer it is given, and the caller still needs its bytes.
      opened = await openPdf(bytes.slice(), assets);
    } catch (error) {
      throw toImportError(error, fileName);
    }
    try {
      const { doc } = opened;
      if (doc.numPages === 0) throw new ImportError('empty', `${fileName}: the PDF has no pages`);
      const wanted = script ? helperCount(options, doc.numPages) : 0;
      helpers.keep(wanted);
      if (script) helpers.start(script, bytes, wanted);
      const metadata = await readMetadata(doc);
      const texts = await readAllPages(doc, input, helpers);

      if (texts.every((t) => t.length === 0)) {
        throw new ImportError(
          'empty',
          `${fileName}: no text in it — it looks like a scanned PDF (pictures of pages with no text layer); reading text from images (OCR) is not supported yet`,
        );
      }
      let text = '';
      const pages: TextRange[] = [];
      texts.forEach((pageText, i) => {
        if (i > 0) text += '\n\n';
        const start = text.length;
        text += pageText;
        pages.push({ start, end: text.length });
      });
      metadata.pageCount = String(doc.numPages);
      const title = metadata.title;
      return { ...(title ? { title } : {}), text, pages, metadata };
    } catch (error) {
      throw toImportError(error, fileName);
    } finally {
      await opened.close().catch(() => {});
    }
  } finally {
    helpers.stop();
  }
}

/** Not the file's fault: pdf.js itself is missing or would not load here. */
const readerFailed = (fileName: string, error: unknown) =>
  new ImportError('unreadable', `${fileName}: the PDF reader could not start (${error instanceof Error ? error.message : String(error)})`, { cause: error });

// ---------------------------------------------------------------------------
// Pages, on this thread and on helpers

/** How many helper threads: as many as the machine allows (before the page count is known), fewer for a short document, none below `minPagesForWorkers`. */
function helperCount(options: PdfParserOptions, pageCount?: number): number {
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(availableParallelism(), 4)));
  const minPages = Math.max(1, options.minPagesForWorkers ?? 8);
  if (pageCount === undefined) return threads - 1;
  if (pageCount < minPages) return 0;
  return Math.min(threads - 1, Math.max(1, Math.floor(pageCount / minPages)));
}

/** Past any page index: what the shared counter is set to when everyone should stop. */
const STOP = 0x3fffffff;

/**
 * The helper threads of one parse. They take page indexes from `cursor`, as
 * this thread does, and send each page's text; pages that arrive before
 * this thread is ready for them wait in `early`. A helper that cannot start,
 * crashes or is stopped only leaves its pages to this thread.
 */
class Helpers {
  readonly cursor = new Int32Array(new SharedArrayBuffer(4));
  #workers: { worker: Worker; exited: Promise<void> }[] = [];
  #sink: ((index: number, text: string) => void) | undefined;
  #early: [number, string][] = [];
  #stopped = false;

  constructor(private readonly assets: PdfAssets) {}

  get size(): number {
    return this.#workers.length;
  }

  /** Starts helpers until there are `count`. */
  start(script: string | URL, bytes: Uint8Array, count: number): void {
    while (!this.#stopped && this.#workers.length < count) {
      const copy = bytes.slice();
      const workerData: PageWorkerData = { kind: PAGE_WORKER_PROTOCOL, bytes: copy, cursor: this.cursor.buffer as SharedArrayBuffer, assets: this.assets };
      let worker: Worker;
      try {
        worker = new Worker(script, { workerData, transferList: [copy.buffer as ArrayBuffer] });
      } catch {
        return; // no helper, then: this thread reads every page
      }
      const exited = new Promise<void>((resolve) => {
        worker.on('exit', () => resolve());
        // A helper that fails to start or crashes is not this file's error.
        worker.on('error', () => {});
      });
      worker.on('message', (message: PageWorkerMessage) => {
        if (message.type !== 'page') return;
        if (this.#sink) this.#sink(message.index, message.text);
        else this.#early.push([message.index, message.text]);
      });
      this.#workers.push({ worker, exited });
    }
  }

  /** Keeps the first `count` helpers and stops the others. */
  keep(count: number): void {
    for (const { worker } of this.#workers.splice(count)) void worker.terminate();
  }

  /** Where the pages go from now on (those that came before, at once). */
  receive(sink: (index: number, text: string) => void): void {
    this.#sink = sink;
    for (const [index, text] of this.#early.splice(0)) sink(index, text);
  }

  /** Settles when every helper has stopped, however it stopped. */
  allExited(): Promise<void> {
    return Promise.all(this.#workers.map((w) => w.exited)).then(() => {});
  }

  stop(): void {
    this.#stopped = true;
    Atomics.store(this.cursor, 0, STOP);
    for (const { worker } of this.#workers) void worker.terminate();
  }
}

async function readAllPages(doc: PDFDocumentProxy, input: ParseInput, helpers: Helpers): Promise<string[]> {
  const { signal, fileName } = input;
  const total = doc.numPages;
  const texts: (string | undefined)[] = new Array<string | undefined>(total);
  let done = 0;
  let allDone: () => void = () => {};
  const whenAllDone = new Promise<void>((resolve) => (allDone = resolve));
  const deliver = (index: number, text: string) => {
    if (index < 0 || index >= total || texts[index] !== undefined) return;
    texts[index] = text;
    done += 1;
    input.onProgress?.(done / total);
    if (done === total) allDone();
  };
  helpers.receive(deliver);

  const take = () => Atomics.add(helpers.cursor, 0, 1);
  const stop = () => helpers.stop();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (let index = take(); index < total; index = take()) {
      if (signal?.aborted) throw cancelled(fileName);
      deliver(index, await readPageText(doc, index + 1));
      // Let the helpers' pages in (their messages wait for this thread's event loop).
      if (helpers.size) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (helpers.size && done < total) {
      // Every page is taken; wait for the ones the helpers are still reading,
      // or for the helpers to stop (a page they took and never sent is read here).
      await Promise.race([whenAllDone, helpers.allExited()]);
    }
    for (let index = 0; index < total; index++) {
      if (signal?.aborted) throw cancelled(fileName);
      if (texts[index] === undefined) deliver(index, await readPageText(doc, index + 1));
    }
    if (signal?.aborted) throw cancelled(fileName);
    return texts as string[];
  } finally {
    signal?.removeEventListener('abort', stop);
    helpers.stop();
  }
}

// ---------------------------------------------------------------------------
// Metadata

const METADATA_FIELDS = [
  ['title', 'Title', 'dc:title'],
  ['author', 'Author', 'dc:creator'],
  ['subject', 'Subject', 'dc:description'],
  ['keywords', 'Keywords', 'pdf:keywords'],
  ['creator', 'Creator', 'xmp:creatortool'],
  ['producer', 'Producer', 'pdf:producer'],
] as const;

const DATE_FIELDS = [
  ['created', 'CreationDate', 'xmp:createdate'],
  ['modified', 'ModDate', 'xmp:modifydate'],
] as const;

function clean(value: unknown): string {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : typeof value === 'string' ? value : '';
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 2000);
}

/** title, author, subject, keywords, creator, producer, created, modified: from the info dictionary, else from XMP. */
async function readMetadata(doc: PDFDocumentProxy): Promise<Record<string, string>> {
  const metadata: Record<string, string> = {};
  let info: Record<string, unknown> = {};
  let xmp: { get(name: string): unknown } | null = null;
  try {
    const result = await doc.getMetadata();
    info = (result.info ?? {}) as Record<string, unknown>;
    xmp = result.metadata as { get(name: string): unknown } | null;
  } catch {
    return metadata; // damaged metadata is no reason to refuse the text
  }
  const fromXmp = (key: string): unknown => {
    try {
      return xmp?.get(key);
    } catch {
      return undefined;
    }
  };
  for (const [key, infoKey, xmpKey] of METADATA_FIELDS) {
    const value = clean(info[infoKey]) || clean(fromXmp(xmpKey));
    if (value) metadata[key] = value;
  }
  const { PDFDateString } = await loadPdfjs();
  for (const [key, infoKey, xmpKey] of DATE_FIELDS) {
    const raw = clean(info[infoKey]);
    const date = raw ? PDFDateString.toDateObject(raw) : null;
    if (date && !Number.isNaN(date.getTime())) {
      metadata[key] = date.toISOString();
      continue;
    }
    const fromXmpValue = clean(fromXmp(xmpKey));
    const xmpDate = fromXmpValue ? new Date(fromXmpValue) : null;
    if (xmpDate && !Number.isNaN(xmpDate.getTime())) metadata[key] = xmpDate.toISOString();
    else if (raw) metadata[key] = raw;
  }
  return metadata;
}
