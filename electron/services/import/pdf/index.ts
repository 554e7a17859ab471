import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextRange } from '../../../../shared/model/imported-source';
import { cancelledError as cancelled, ImportError, isImportError } from '../errors';
import type { FormatParser, ParseInput, ParsedDocument } from '../types';
import { ocrMetadata, pageRanges, readPictures, type OcrOptions, type OcrOutcome, type OcrPageJob } from '../ocr/index';
import { Helpers, helperCount, readAllPages } from './helpers';
import { readMetadata } from './metadata';
import { composePage, loadPdfjs, openPdf, pdfAssets, type OpenedPdf, type PageContent, type PdfAssets } from './pdfjs';
import { checkShape, withoutAttachmentOnlyEncryption } from './shape';

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
  /**
   * Reading pages that have no text (scans) by OCR: the engine and threads
   * to use (see ocr/index.ts), or `false` to leave such pages empty.
   * Default: Tesseract.
   */
  ocr?: OcrOptions | false;
  /** Resolution pages are drawn at for OCR. Default 300 dpi. */
  ocrDpi?: number;
}

// What page-worker.ts and the tests use, from the modules that hold it.
export { PAGE_WORKER_PROTOCOL, type PageWorkerData, type PageWorkerJob, type PageWorkerMessage } from './worker-protocol';
export { composePage, loadPdfjs, openPdf, pageText, pdfAssets, readPage, readPageText, type OpenedPdf, type PageContent, type PdfAssets } from './pdfjs';

// ---------------------------------------------------------------------------
// The parser

/**
 * pdf.js's exceptions (matched by name: not all are exported) as the file's
 * ImportError. The message is the user's; pdf.js's own words ("Invalid Root
 * reference.") go to the error's `detail`, for the log.
 */
export function toImportError(error: unknown, fileName: string, options: { mayBeCutShort?: boolean } = {}): ImportError {
  if (isImportError(error)) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'PasswordException') return new ImportError('encrypted', `${fileName}: encrypted PDF — remove the password and import again`, { cause: error });
  if (options.mayBeCutShort) return incomplete(fileName, error);
  if (name === 'InvalidPDFException') return new ImportError('corrupt', `${fileName}: damaged PDF — its structure could not be read`, { cause: error });
  return new ImportError('corrupt', `${fileName}: damaged PDF — it could not be read`, { cause: error });
}

/** A file without %%EOF that pdf.js could not read whole: most likely cut short. */
const incomplete = (fileName: string, cause: unknown) =>
  new ImportError('corrupt', `${fileName}: the PDF is incomplete (its end is missing, as when a download or copy is cut short) — get the file again and import it`, { cause });

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

/** A page with fewer letters than this, that paints a picture, is a scan with a stamp on it (a Bates number): OCR reads it too. */
const NEAR_EMPTY_PAGE = 40;
/** Reading a page by OCR costs about this many times reading its text: the weight of an OCR page in the progress. */
const OCR_PAGE_WEIGHT = 20;

async function parse(input: ParseInput, options: PdfParserOptions & { workerScript: string | URL | null }): Promise<ParsedDocument> {
  const { bytes, fileName, signal } = input;
  if (signal?.aborted) throw cancelled(fileName);
  const { hasEnd } = checkShape(bytes, fileName);
  // Without %%EOF the file may have been cut short: read it strictly (any
  // error means pages are missing), and accept it if every page reads.
  const strict = !hasEnd;
  let assets: PdfAssets;
  try {
    assets = pdfAssets();
  } catch (error) {
    throw readerFailed(fileName, error);
  }

  const script = options.workerScript;
  let helpers = new Helpers(assets, strict);
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
    let readable = bytes;
    let opened: OpenedPdf;
    try {
      // A copy: pdf.js takes over the buffer it is given, and the caller still needs its bytes.
      opened = await openPdf(bytes.slice(), assets, { strict });
    } catch (error) {
      const plain = (error as { name?: unknown } | null)?.name === 'PasswordException' ? withoutAttachmentOnlyEncryption(bytes) : null;
      if (!plain) throw toImportError(error, fileName, { mayBeCutShort: strict });
      // Only its attachments are encrypted: read the pages without the password (see shape.ts).
      helpers.stop();
      helpers = new Helpers(assets, strict);
      readable = plain;
      try {
        opened = await openPdf(plain.slice(), assets, { strict });
      } catch (retryError) {
        throw toImportError(retryError, fileName, { mayBeCutShort: strict });
      }
    }
    try {
      const { doc } = opened;
      if (doc.numPages === 0) throw new ImportError('empty', `${fileName}: the PDF has no pages`);
      const total = doc.numPages;
      const wanted = script ? helperCount(options, total) : 0;
      helpers.keep(wanted);
      if (script) helpers.start(script, readable, wanted);
      const metadata = await readMetadata(doc);

      // Progress: a page's text is one unit, a page to read by OCR many more;
      // the total grows as text-less pages turn up, and the bar never goes back.
      let reported = 0;
      let emptySoFar = 0;
      const report = (done: number) => {
        const fraction = Math.min(1, done / (total + emptySoFar * OCR_PAGE_WEIGHT));
        if (fraction > reported) input.onProgress?.((reported = fraction));
      };
      const wantsOcr = options.ocr !== false;
      const contents = await readAllPages(doc, input, helpers, (_, page, done) => {
        if (wantsOcr && !page.text) emptySoFar += 1;
        report(done);
      });

      let ocr: OcrOutcome | undefined;
      let ocrPages: number[] = [];
      if (wantsOcr) {
        ocrPages = await pagesToOcr(doc, contents);
        if (ocrPages.length) {
          emptySoFar = ocrPages.length;
          try {
            ocr = await readScannedPages(doc, ocrPages, input, options, (fraction) => report(total + fraction * ocrPages.length * OCR_PAGE_WEIGHT));
          } catch (error) {
            // No engine: the pages with text are still worth having, and the source says what is missing.
            if (!isImportError(error) || error.code !== 'unreadable' || contents.every((page) => !page.text && page.annotations.length === 0)) throw error;
            metadata.ocrUnavailable = `pages ${pageRanges(ocrPages)} are pictures, and the text recognition (OCR) engine could not start`;
          }
        }
      }

      const texts = contents.map((page, index) => composePage(withOcr(page, ocr?.pages.get(index)?.text)));
      if (texts.every((t) => t.length === 0)) {
        throw new ImportError(
          'empty',
          ocr
            ? `${fileName}: no text in it — its pages are pictures (a scan), and text recognition (OCR) found no words in them`
            : `${fileName}: no text in it — it looks like a scanned PDF (pictures of pages with no text layer)`,
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
      metadata.pageCount = String(total);
      const annotationCount = contents.reduce((sum, page) => sum + page.annotations.length, 0);
      if (annotationCount) metadata.annotations = String(annotationCount);
      if (ocr) Object.assign(metadata, ocrMetadata(ocr, total));
      const title = metadata.title;
      return { ...(title ? { title } : {}), text, pages, metadata };
    } catch (error) {
      throw toImportError(error, fileName, { mayBeCutShort: strict });
    } finally {
      await opened.close().catch(() => {});
    }
  } finally {
    helpers.stop();
  }
}

/** A page's content with its OCR text, if it was read: in place of no text, after a stamp's few words. */
function withOcr(page: PageContent, ocrText: string | undefined): PageContent {
  if (!ocrText) return page;
  return { ...page, text: page.text ? `${page.text}\n${ocrText}` : ocrText };
}

/** Pages with no text, and pages with a few words on a picture (see NEAR_EMPTY_PAGE). */
async function pagesToOcr(doc: OpenedPdf['doc'], contents: readonly PageContent[]): Promise<number[]> {
  const pages: number[] = [];
  for (let index = 0; index < contents.length; index++) {
    const text = contents[index]!.text;
    if (!text) {
      pages.push(index);
      continue;
    }
    if (text.replace(/\s+/g, '').length >= NEAR_EMPTY_PAGE) continue;
    const { paintsImages } = await import('../ocr/render');
    if (await paintsImages(doc, index + 1).catch(() => false)) pages.push(index);
  }
  return pages;
}

async function readScannedPages(
  doc: OpenedPdf['doc'],
  indexes: readonly number[],
  input: ParseInput,
  options: PdfParserOptions,
  onProgress: (fraction: number) => void,
): Promise<OcrOutcome> {
  const { renderPageForOcr } = await import('../ocr/render');
  const jobs: OcrPageJob[] = indexes.map((index) => ({
    index,
    picture: async (signal) => {
      const { image, dpi } = await renderPageForOcr(doc, index + 1, { dpi: options.ocrDpi ?? 300, signal });
      return { image, dpi };
    },
  }));
  return readPictures(jobs, { fileName: input.fileName, ...(input.signal ? { signal: input.signal } : {}), onProgress }, options.ocr || {});
}

/** Not the file's fault: pdf.js itself is missing or would not load here. */
const readerFailed = (fileName: string, error: unknown) =>
  new ImportError('unreadable', `${fileName}: the PDF reader could not start (${error instanceof Error ? error.message : String(error)})`, { cause: error });
