import { escapeAttr } from './escape';

/** One line of the table of contents, pointing at an element id in the document. */
export interface TocEntry {
  anchorId: string;
  /** Already-redacted HTML of the entry's title. */
  html: string;
  /** 0 for chapters (notes, endnotes, appendices), 1–2 for headings inside a note. */
  depth: number;
}

/** What a contents entry's page number reads until the PDF service writes the real one in. */
export const TOC_PLACEHOLDER = '00';
/** Every digit, printed once per font weight the numbers use, so the PDF's font subset holds them all. */
export const TOC_DIGITS = '0123456789';
/** The weights of the contents' page numbers (chapters are bold): one digit palette each. */
export const TOC_PALETTE_WEIGHTS = ['600', '400'] as const;

/**
 * The digit palettes: every digit in each weight the page numbers use, in
 * their font and figures, on a line of no height so the layout is the same
 * with or without them. Printed only with the placeholders; the PDF service
 * takes its glyphs from them and then removes them from the page.
 */
export function tocDigitPalettes(): string {
  const spans = TOC_PALETTE_WEIGHTS.map((w) => `<span class="toc-digits-w${w}">${TOC_DIGITS}</span>`).join(' ');
  return `<div class="toc-digits" aria-hidden="true">${spans}</div>`;
}

/**
 * The contents list. Each entry links to its heading: Chromium turns those
 * links into named PDF destinations, which is how the PDF service learns on
 * which page each entry landed (there is no CSS target-counter in Chromium).
 * Until it knows, a placeholder in a fixed-width cell keeps the layout as it
 * will be; the service then writes the numbers into the printed PDF
 * (electron/services/export/toc-page-numbers.ts).
 */
export function tocHtml(entries: readonly TocEntry[], pageNumbers: Readonly<Record<string, number>> | undefined): string {
  const items = entries
    .map((e) => {
      const page = pageNumbers?.[e.anchorId];
      return (
        `<li class="toc-entry toc-depth-${e.depth}"><a href="#${escapeAttr(e.anchorId)}">` +
        `<span class="toc-title">${e.html}</span><span class="toc-leader"></span>` +
        `<span class="toc-page">${page ?? TOC_PLACEHOLDER}</span></a></li>`
      );
    })
    .join('\n');
  return `<ol class="toc-list">\n${items}\n</ol>`;
}
