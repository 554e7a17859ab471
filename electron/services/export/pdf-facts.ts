import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { loadPdfjs } from '../import/pdf/pdfjs';

/** What the briefing service reads back from a PDF it printed. */
export interface PdfFacts {
  pageCount: number;
  /** 1-based page of each named destination (Chromium makes one per in-document link target). */
  destinations: Record<string, number>;
  /** Each page's extractable text, whitespace as pdf.js reports it. */
  pageTexts: string[];
}

/**
 * Reads a printed PDF with pdf.js: where its named destinations landed, and
 * (unless `text` is false) each page's text. The text is the slow part; the
 * first printing only needs the destinations.
 */
export async function readPdfFacts(bytes: Uint8Array, { text = true }: { text?: boolean } = {}): Promise<PdfFacts> {
  const pdfjs = await loadPdfjs();
  // pdf.js takes ownership of the buffer it is given; the caller keeps theirs.
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const destinations: Record<string, number> = {};
    const named = ((await doc.getDestinations()) ?? {}) as Record<string, unknown[] | null>;
    for (const [name, dest] of Object.entries(named)) {
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') destinations[name] = (await doc.getPageIndex(ref as { num: number; gen: number })) + 1;
    }
    const pageTexts: string[] = [];
    for (let i = 1; text && i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pageTexts.push(content.items.map((item) => ('str' in item ? (item as TextItem).str + ((item as TextItem).hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return { pageCount: doc.numPages, destinations, pageTexts };
  } finally {
    await doc.destroy();
  }
}
