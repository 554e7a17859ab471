import { memo, useMemo, type MouseEvent } from 'react';
import { sanitizeHtml } from '../../../shared/sources/sanitize';
import { casebook } from '../../bridge';

/**
 * A structured source (Word, web page, Markdown, email) as sanitized HTML.
 * Sanitized again here before it reaches the DOM, whatever main did. The
 * reader paints passages and mentions over it with the CSS Highlight API,
 * so the DOM is never rewritten. Links (clicked or middle-clicked) open
 * outside the app, after main's URL check. Memoized: highlights change
 * often, the document never.
 */
export const HtmlDocument = memo(function HtmlDocument({ html }: { html: string }) {
  const clean = useMemo(() => sanitizeHtml(html, window), [html]);
  const openLink = (e: MouseEvent<HTMLDivElement>) => {
    const link = (e.target as HTMLElement).closest('a');
    if (!link) return;
    e.preventDefault();
    const href = link.getAttribute('href');
    if (href && !href.startsWith('#')) void casebook?.shellOpenExternal({ url: href });
  };
  return (
    <div
      className="source-html"
      onClick={openLink}
      // A middle click's default is "open in a new window" (auxclick, not click): the app's
      // window-open policy would catch that in Electron, but the link goes the same checked way.
      onAuxClick={(e) => e.button === 1 && openLink(e)}
      dangerouslySetInnerHTML={{ __html: clean }}
    />
  );
});
