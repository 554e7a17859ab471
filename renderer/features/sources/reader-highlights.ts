import { useEffect } from 'react';
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

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const highlights = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  const Highlight = (window as unknown as { Highlight?: HighlightCtor }).Highlight;
  return highlights && Highlight ? { highlights, Highlight } : null;
}

export function domRange(segments: readonly TextSegment[], start: number, end: number): Range | null {
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

  useEffect(() => {
    const api = registry();
    if (!segments || !passage) return;
    const range = domRange(segments, passage.start, passage.end);
    if (!range) return;
    api?.highlights.set(PASSAGE_HIGHLIGHT, new api.Highlight(range));
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
    return () => void api?.highlights.delete(PASSAGE_HIGHLIGHT);
  }, [segments, passage]);
}
