import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../../../../e2e/chromium';

/**
 * Prints HTML to real PDFs with headless Chromium (the engine the briefing
 * export uses), one browser for many documents. Fails, never skips, when
 * Chromium is missing.
 */
export interface PdfPrinter {
  print(html: string, options?: { format?: 'A4' | 'A5' | 'Letter' }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function startPdfPrinter(): Promise<PdfPrinter> {
  assertChromium();
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  return {
    async print(html, options = {}) {
      const page = await browser.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: options.format ?? 'A4' }));
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An HTML document with one printed page per entry of `pages` (each a list of paragraphs). */
export function pagedHtml(title: string, pages: string[][], style = ''): string {
  const body = pages.map((paragraphs) => `<section>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('')}</section>`).join('\n');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font-family:serif;font-size:12pt;margin:0} section{break-after:page} section:last-child{break-after:auto} ${style}</style>
</head><body>${body}</body></html>`;
}

const WORDS = (
  'the investigation found that payments routed through shell companies in Cyprus and Latvia reached officials of the port ' +
  'authority between 2016 and 2019 according to documents reviewed by reporters who interviewed former employees accountants and regulators'
).split(' ');

/** A long text document: `pageCount` A4 pages of prose, page n starting with the heading "Chapter n". Deterministic. */
export function longReportHtml(pageCount: number): string {
  let seed = 7;
  let chapter = 0;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const paragraph = (words: number) => Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ') + '.';
  const pages = Array.from({ length: pageCount }, () => Array.from({ length: 6 }, () => paragraph(70)));
  // Each page opens with a bold heading, as a report's chapters do.
  return pagedHtml('Port authority payments', pages, 'body{font-size:11pt;margin:8px}').replace(/<section>/g, () => `<section><h2>Chapter ${++chapter}</h2>`);
}
