import { memo, useMemo } from 'react';
import { sanitizeHtml } from '../../../shared/sources/sanitize';

/**
 * A structured source (Word, web page, Markdown, email) as sanitized HTML.
 * Sanitized again here before it reaches the DOM, whatever main did. The
 * reader paints passages and mentions over it with the CSS Highlight API,
 * so the DOM is never rewritten. Its links are handled by the reader
 * (reader-links.ts): a click shows the address, only a confirmed
 * Ctrl/Cmd+click opens it. Memoized: highlights change often, the document never.
 */
export const HtmlDocument = memo(function HtmlDocument({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html, window), [html]);
  return (
    <div className="source-html" dangerouslySetInnerHTML={{ __html: clean }} />
  );
});
