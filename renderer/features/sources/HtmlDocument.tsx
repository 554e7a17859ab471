import { useEffect, useMemo, useRef } from 'react';
import { sanitizeHtml } from '../../../shared/sources/sanitize';
import { locateOffset, walkHtmlText } from '../../../shared/sources/html-text';
import { casebook } from '../../bridge';

const HIGHLIGHT = 'casebook-passage';

/**
 * A structured source (Word, web page, Markdown, email) as sanitized HTML.
 * Sanitized again here before it reaches the DOM, whatever main did. A
 * passage is shown with the CSS Custom Highlight API, mapped from text
 * offsets by the same walk main used to make the text, so the DOM is never
 * rewritten. Links open outside the app, after main's URL check.
 */
export function HtmlDocument({ html, text, highlight }: { html: string; text: string; highlight?: { start: number; end: number } | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => sanitizeHtml(html, window), [html]);

  useEffect(() => {
    const root = ref.current;
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    registry?.delete(HIGHLIGHT);
    if (!root || !highlight) return;
    const walked = walkHtmlText(root);
    // The stored text is what offsets address; if the DOM disagrees, mark nothing rather than the wrong words.
    if (walked.text !== text) return;
    const start = locateOffset(walked.segments, highlight.start);
    const end = locateOffset(walked.segments, highlight.end);
    if (!start || !end) return;
    const range = document.createRange();
    range.setStart(start.node, start.offset);
    range.setEnd(end.node, end.offset);
    const HighlightCtor = (window as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
    if (registry && HighlightCtor) registry.set(HIGHLIGHT, new HighlightCtor(range));
    start.node.parentElement?.scrollIntoView({ block: 'center' });
    return () => void registry?.delete(HIGHLIGHT);
  }, [clean, text, highlight]);

  return (
    <div
      ref={ref}
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
}
