import { escapeAttr } from './escape';

/** One line of the table of contents, pointing at an element id in the document. */
export interface TocEntry {
  anchorId: string;
  /** Already-redacted HTML of the entry's title. */
  html: string;
  /** 0 for chapters (notes, endnotes, appendices), 1–2 for headings inside a note. */
  depth: number;
}

/**
 * The contents list. Each entry links to its heading: Chromium turns those
 * links into named PDF destinations, which is how the PDF service learns on
 * which page each entry landed (there is no CSS target-counter in Chromium).
 * Until it knows, a placeholder of the same width keeps the layout as it
 * will be, so the numbers found in the first printing stay true in the second.
 */
export function tocHtml(entries: readonly TocEntry[], pageNumbers: Readonly<Record<string, number>> | undefined): string {
  const items = entries
    .map((e) => {
      const page = pageNumbers?.[e.anchorId];
      return (
        `<li class="toc-entry toc-depth-${e.depth}"><a href="#${escapeAttr(e.anchorId)}">` +
        `<span class="toc-title">${e.html}</span><span class="toc-leader"></span>` +
        `<span class="toc-page">${page ?? '00'}</span></a></li>`
      );
    })
    .join('\n');
  return `<ol class="toc-list">\n${items}\n</ol>`;
}
