import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextRange } from '../../../../shared/model/imported-source';
import { cancelledError as cancelled, ImportError, isImportError } from '../errors';
import type { FormatParser, ParseInput, ParsedDocument } from '../types';
import { Helpers, helperCount, readAllPages } from './helpers';
import { readMetadata } from './metadata';
import { loadPdfjs, openPdf, pdfAssets, type OpenedPdf, type PdfAssets } from './pdfjs';

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

// What page-worker.ts and the tests use, from the modules that hold it.
export { PAGE_WORKER_PROTOCOL, type PageWorkerData, type PageWorkerMessage } from './worker-protocol';
export { loadPdfjs, openPdf, pageText, pdfAssets, readPageText, type OpenedPdf, type PdfAssets } from './pdfjs';

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
