import { composeBriefing, createRedactor, PAGE_MARGINS_IN } from '../../../shared/briefing';
import type { BriefingModel, BriefingPageSize } from '../../../shared/briefing/model';
import type { EventContract } from '../../../shared/ipc/contract';
import { briefingFontCss, type ReadPackageFile } from './briefing-fonts';
import { readPdfFacts, type PdfFacts } from './pdf-facts';
import { openPdf } from './pdf-file';
import { readPageTexts } from './pdf-text';
import { writeTocPageNumbers } from './toc-page-numbers';
import { TOC_PALETTE_WEIGHTS, type TocEntry } from '../../../shared/briefing/toc';

/**
 * The briefing as PDF bytes. A plain service: it composes the HTML
 * (shared/briefing), has it printed by an injected `print` (Electron's
 * `webContents.printToPDF` in a hidden, script-less, offline window in the
 * app; Chromium's CDP `Page.printToPDF` in tests) and reads the result back.
 *
 * Chromium has no CSS `target-counter()`, so the contents are printed with
 * placeholders, and the numbers are written into the printed PDF afterwards:
 * the contents links become named PDF destinations, which say on which page
 * each entry landed (toc-page-numbers.ts). One printing. Should the PDF not
 * be as expected, the contents are numbered the old way instead: printed
 * again with the numbers found, accepted once its own destinations agree.
 */

/** Everything `print` is asked for; the names are Electron's `printToPDF` options. */
export interface BriefingPrintOptions {
  pageSize: BriefingPageSize;
  /** Inches. The running header and footer print inside the top and bottom margins. */
  margins: { top: number; bottom: number; left: number; right: number };
  printBackground: true;
  preferCSSPageSize: false;
  displayHeaderFooter: true;
  headerTemplate: string;
  footerTemplate: string;
  /** Tagged PDF: structure for screen readers, and what the outline is built from. */
  generateTaggedPDF: true;
  /** PDF bookmarks from the headings (Electron ≥ 31, Chromium CDP ≥ 125). */
  generateDocumentOutline: true;
}

export type PrintHtml = (html: string, options: BriefingPrintOptions) => Promise<Uint8Array>;

/** How far the export has got, exactly as the renderer is told (`export:progress`); main adds `saving` itself. */
export type BriefingProgress = EventContract['export:progress'];

export interface BriefingPdfDeps {
  print: PrintHtml;
  /** Reads the bundled @fontsource files (see briefing-fonts.ts). */
  readPackageFile: ReadPackageFile;
  /** Reads a printed PDF back; pdf.js by default. */
  readPdf?: (bytes: Uint8Array, options?: { text?: boolean }) => Promise<PdfFacts>;
  /** Told `composing` first, then the printing, then `numbering` (with a printing number only if the contents had to be printed again). */
  onProgress?: (progress: BriefingProgress) => void;
}

export interface BriefingPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** The page of each contents entry, as printed on the contents page. */
  pageNumbers: Record<string, number>;
  /** How many times the document was printed: 1, unless the numbers could not be written into the PDF and it was printed again. */
  printings: number;
}

export class BriefingPdfError extends Error {
  constructor(
    readonly code: 'toc-unstable' | 'toc-anchor-missing' | 'redaction-leak',
    message: string,
  ) {
    super(message);
    this.name = 'BriefingPdfError';
  }
}

/** Printings allowed before giving up on stable contents numbers; in practice the second always agrees. */
const MAX_PRINTINGS = 4;

export async function exportBriefingPdf(model: BriefingModel, deps: BriefingPdfDeps): Promise<BriefingPdf> {
  const readPdf = deps.readPdf ?? readPdfFacts;
  deps.onProgress?.({ stage: 'composing' });
  const unnumbered = { ...model, pageNumbers: undefined };
  const draft = composeBriefing(unnumbered);
  const fontCss = await briefingFontCss(draft.html, deps.readPackageFile);
  const chromeFontCss = await briefingFontCss(draft.chrome.headerTemplate + draft.chrome.footerTemplate, deps.readPackageFile, ['Noto Sans SC', 'Source Serif 4']);
  const fonts = { fontCss, chromeFontCss };
  const options = (chrome: { headerTemplate: string; footerTemplate: string }): BriefingPrintOptions => ({
    pageSize: model.pageSize,
    margins: { ...PAGE_MARGINS_IN },
    printBackground: true,
    preferCSSPageSize: false,
    displayHeaderFooter: true,
    headerTemplate: chrome.headerTemplate,
    footerTemplate: chrome.footerTemplate,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  });

  const composed = draft.withFonts(fonts);
  deps.onProgress?.({ stage: 'printing', printing: 1 });
  const printed = await deps.print(composed.html, options(composed.chrome));
  deps.onProgress?.({ stage: 'numbering' });
  const numbered = numberInPlace(printed, composed.toc);
  if (numbered) {
    if (model.redact) assertNoProtectedText(model, await pageTextsOf(numbered.bytes, readPdf));
    return { ...numbered, printings: 1 };
  }

  // The printed PDF was not as expected: number the contents the slow way, by printing again with the numbers found.
  let bytes = printed;
  let facts = await readPdf(bytes, { text: false });
  let pageNumbers = tocPages(composed.toc, facts);
  for (let printing = 2; printing <= MAX_PRINTINGS; printing++) {
    const again = composeBriefing({ ...model, pageNumbers }, fonts);
    deps.onProgress?.({ stage: 'numbering', printing });
    bytes = await deps.print(again.html, options(again.chrome));
    facts = await readPdf(bytes, { text: model.redact });
    const found = tocPages(again.toc, facts);
    if (sameNumbers(pageNumbers, found)) {
      assertNoProtectedText(model, facts.pageTexts);
      return { bytes, pageCount: facts.pageCount, pageNumbers, printings: printing };
    }
    pageNumbers = found;
  }
  throw new BriefingPdfError('toc-unstable', `The contents page numbers did not settle after ${MAX_PRINTINGS} printings.`);
}

/**
 * The printed PDF with its contents numbered (toc-page-numbers.ts), or
 * undefined when it is not laid out as expected (then the caller prints again).
 */
function numberInPlace(bytes: Uint8Array, toc: readonly TocEntry[]): Omit<BriefingPdf, 'printings'> | undefined {
  try {
    const pdf = openPdf(bytes);
    const destinations = pdf.namedDestinations();
    const pageNumbers: Record<string, number> = {};
    for (const { anchorId } of toc) {
      const page = destinations[anchorId];
      if (page === undefined) return undefined;
      pageNumbers[anchorId] = page;
    }
    const numbered = writeTocPageNumbers(pdf, toc, pageNumbers, TOC_PALETTE_WEIGHTS.length);
    return { bytes: numbered, pageCount: pdf.pages().length, pageNumbers };
  } catch {
    return undefined;
  }
}

/**
 * Each page's text, read from the PDF's own text operators and ToUnicode
 * maps (pdf-text.ts: a fraction of pdf.js's time on a long briefing), or by
 * pdf.js when the PDF holds something that reader does not follow.
 */
async function pageTextsOf(bytes: Uint8Array, readPdf: NonNullable<BriefingPdfDeps['readPdf']>): Promise<string[]> {
  try {
    return readPageTexts(openPdf(bytes));
  } catch {
    return (await readPdf(bytes, { text: true })).pageTexts;
  }
}

/** The page each contents entry landed on. */
function tocPages(toc: readonly TocEntry[], facts: PdfFacts): Record<string, number> {
  const found: Record<string, number> = {};
  for (const { anchorId } of toc) {
    const page = facts.destinations[anchorId];
    if (page === undefined) throw new BriefingPdfError('toc-anchor-missing', `The printed briefing has no destination for contents entry "${anchorId}".`);
    found[anchorId] = page;
  }
  return found;
}

function sameNumbers(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/**
 * The last line of defence: the composer never lets a protected name into
 * the HTML, and this checks the PDF's own text agrees before anyone gets it.
 * Pages are read as one text with whitespace collapsed, so a name broken
 * across lines is still found.
 */
function assertNoProtectedText(model: BriefingModel, pageTexts: readonly string[]): void {
  const redactor = createRedactor(model.entities, model.redact);
  if (!redactor.active) return;
  pageTexts.forEach((text, i) => {
    const flat = text.replace(/\s+/g, ' ');
    if (redactor.find(flat).length > 0) throw new BriefingPdfError('redaction-leak', `A protected name is still legible on page ${i + 1}; the PDF was not produced.`);
  });
}
