/** On screen, the print document sits on a page-sized sheet, as it will print. */
const SHEET_STYLE =
  '@media screen { html { background: #e9e7e2; } body { background: #fff; max-width: 8.27in; margin: 20px auto; padding: 0.8in 0.85in; box-shadow: 0 2px 14px rgb(0 0 0 / 0.16); box-sizing: border-box; } }';

/**
 * The briefing as the export dialog shows it: the print document (from
 * `renderBriefingHtml`, the same HTML main prints) on a sheet, and only for
 * looking. Every link loses its `href`, so no click, middle click or Enter
 * can follow it: the preview is a `sandbox=""` srcdoc iframe, and a srcdoc
 * document resolves links against the app's own address, so a contents entry
 * (`#note-…`) would load the app into the preview and a note's web link would
 * navigate the preview away. An external link keeps its address as a
 * tooltip; it still looks like a link (the print stylesheet styles `a`). The
 * PDF is printed from the untouched HTML, so it keeps its links.
 */
export function asPreviewPage(html: string, window: { DOMParser: typeof DOMParser }): string {
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  for (const link of Array.from(doc.querySelectorAll('a, area'))) {
    const href = link.getAttribute('href') ?? link.getAttribute('xlink:href');
    for (const attr of Array.from(link.attributes)) {
      if (attr.localName === 'href' || attr.localName === 'target' || attr.localName === 'ping') link.removeAttributeNode(attr);
    }
    if (href && !href.startsWith('#') && !link.hasAttribute('title')) link.setAttribute('title', href);
  }
  const sheet = doc.createElement('style');
  sheet.textContent = SHEET_STYLE;
  doc.head.append(sheet);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}
