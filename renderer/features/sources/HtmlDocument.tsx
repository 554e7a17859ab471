import { memo, useMemo } from 'react';
import { sanitizeHtml } from '../../../shared/sources/sanitize';
import { casebook } from '../../bridge';

/**
 * A structured source (Word, web page, Markdown, email) as sanitized HTML.
 * Sanitized again here before it reaches the DOM, whatever main did. The
 * reader paints passages and mentions over it with the CSS Highlight API,
 * so the DOM is never rewritten. Links open outside the app, after main's
 * URL check. Memoized: highlights change often, the document never.
 */
export const HtmlDocument = memo(function HtmlDocument({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html, window), [html]);
  return (
    <div
      className="source-html"
      onClick={(e) => {
        const link = (e.target as HTMLElement).closest('a');
        if (!link) return;
        e.preventDefault();
        const href = link.getAttribute('href');
        if (href && !href.startsWith('#')) void casebook?.shellOpenExternal({ url: href });
      }}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
});
