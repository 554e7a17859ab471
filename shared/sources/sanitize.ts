import DOMPurify, { type WindowLike } from 'dompurify';

/**
 * The tags a source's HTML may keep: structure and inline emphasis only.
 * No images or media (they would load remote resources or carry data: URLs),
 * no forms, frames, SVG or MathML (mutation-XSS vectors), no styles.
 */
const ALLOWED_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark',
  'del', 'ins', 'abbr', 'cite', 'q', 'time', 'a', 'table', 'caption', 'thead', 'tbody', 'tfoot',
  'tr', 'th', 'td', 'figure', 'figcaption', 'span', 'div', 'section', 'article', 'header', 'footer',
];
const ALLOWED_ATTR = ['href', 'title', 'colspan', 'rowspan', 'lang', 'dir', 'datetime'];
/** Absolute web and mail links, and in-page anchors; nothing else survives as an href. */
const SAFE_URI = /^(?:https?:\/\/|mailto:|#)/i;

/**
 * Sanitizes untrusted HTML with DOMPurify in the given window (jsdom's in
 * main, the page's own in the renderer) and normalizes whitespace, so the
 * result renders the same everywhere and `htmlText` of it is stable. Not
 * always a fixed point: removing an element can leave markup the HTML parser
 * would rebuild differently (`<p>a<div>b</div></p>`), so the import pipeline
 * sanitizes until the output is stable (see html/index.ts) and the reader,
 * which sanitizes again, marks nothing if its text disagrees.
 */
export function sanitizeHtml(dirty: string, window: WindowLike): string {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      if (node.hasAttribute('href')) node.setAttribute('rel', 'noopener noreferrer nofollow');
      node.removeAttribute('target');
    }
  });
  const body = purify.sanitize(dirty, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'rel'],
    ALLOWED_URI_REGEXP: SAFE_URI,
    // DOMPurify checks every attribute not on its URI-safe list against the
    // URI pattern; these carry plain values ("2", "fr", a date), not URLs.
    ADD_URI_SAFE_ATTR: ['colspan', 'rowspan', 'lang', 'dir', 'datetime'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    KEEP_CONTENT: true,
    RETURN_DOM: true,
  }) as unknown as HTMLElement | null;
  // DOMPurify has no body to return when the markup makes the parser build a
  // frameset document instead (`<div><frameset>`): nothing of it is safe to
  // show, so the result is empty, and callers fall back as for any empty HTML.
  if (!body) return '';
  // Merge text nodes left side by side by removed elements ("a <img> b"), so
  // their spaces collapse together.
  body.normalize();
  normalizeWhitespace(body);
  return body.innerHTML;
}

const PRESERVE = new Set(['PRE', 'CODE']);

/** Collapses runs of whitespace in text (not inside <pre>), so text offsets do not depend on source formatting. */
function normalizeWhitespace(root: Node): void {
  const walk = (node: Node, preserve: boolean) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (!preserve) (child as Text).data = (child as Text).data.replace(/[\t\n\f\r ]+/g, ' ');
      } else if (child.nodeType === 1) {
        walk(child, preserve || PRESERVE.has((child as Element).nodeName));
      }
    }
  };
  walk(root, false);
}
