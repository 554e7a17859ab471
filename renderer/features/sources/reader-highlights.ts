import { useEffect, useRef } from 'react';
import { locateOffset, type TextSegment } from '../../../shared/sources/html-text';
import type { EntityType } from '../../../shared/model';

export interface TypedRange {
  start: number;
  end: number;
  entityType: EntityType;
}

export const PASSAGE_HIGHLIGHT = 'casebook-passage';
const mentionHighlight = (type: EntityType) => `mention-${type.toLowerCase()}`;

type HighlightRegistry = Map<string, unknown>;
type HighlightCtor = new (...ranges: Range[]) => unknown;

export function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const highlights = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  const Highlight = (window as unknown as { Highlight?: HighlightCtor }).Highlight;
  return highlights && Highlight ? { highlights, Highlight } : null;
}

/** Index of the first segment that ends after `offset` (binary search). */
function firstSegmentAfter(segments: readonly TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid]!;
    if (s.textOffset + s.length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The DOM Range of text `[start, end)`, or null when none of it is in the
 * map: a PDF's page view maps only the pages it has drawn, and a range on a
 * page not drawn must not stretch to the next drawn one.
 */
export function domRange(segments: readonly TextSegment[], start: number, end: number): Range | null {
  const first = segments[firstSegmentAfter(segments, start)];
  if (!first || first.textOffset >= end) return null;
  const from = locateOffset(segments, start);
  const to = locateOffset(segments, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/**
 * Paints the reader's mentions in their entity type's colour and the passage
 * being visited, with the CSS Custom Highlight API (one highlight per type),
 * and scrolls the passage into view. Cleared when the reader goes.
 */
export function useReaderHighlights(segments: readonly TextSegment[] | null, mentions: readonly TypedRange[] | undefined, passage: { start: number; end: number } | undefined): void {
  useEffect(() => {
    const api = registry();
    if (!api || !segments || !mentions) return;
    const byType = new Map<EntityType, Range[]>();
    for (const m of mentions) {
      const range = domRange(segments, m.start, m.end);
      if (!range) continue;
      const list = byType.get(m.entityType) ?? [];
      list.push(range);
      byType.set(m.entityType, list);
    }
    for (const [type, ranges] of byType) api.highlights.set(mentionHighlight(type), new api.Highlight(...ranges));
    return () => {
      for (const type of byType.keys()) api.highlights.delete(mentionHighlight(type));
    };
  }, [segments, mentions]);

  // Scrolled into view once per passage: a PDF's page view maps more pages as they are drawn, and must not be pulled back each time.
  const scrolledTo = useRef<object | undefined>(undefined);
  useEffect(() => {
    const api = registry();
    if (!segments || !passage) return;
    const range = domRange(segments, passage.start, passage.end);
    if (!range) return;
    api?.highlights.set(PASSAGE_HIGHLIGHT, new api.Highlight(range));
    if (scrolledTo.current !== passage) {
      scrolledTo.current = passage;
      scrollRangeIntoView(range);
    }
    return () => void api?.highlights.delete(PASSAGE_HIGHLIGHT);
  }, [segments, passage]);
}

/** Brings a range to the middle of the reader: its first text's element, as the passage has always been scrolled to. */
export function scrollRangeIntoView(range: Range): void {
  const target = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : (range.startContainer as Element);
  target?.scrollIntoView({ block: 'center' });
}
