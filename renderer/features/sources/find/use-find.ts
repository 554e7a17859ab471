import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { TextRange } from '../../../../shared/model';
import type { TextSegment } from '../../../../shared/sources/html-text';
import { domRange, registry, scrollRangeIntoView } from '../reader-highlights';
import { findMatches } from './find-matches';

export const FIND_HIGHLIGHT = 'casebook-find';
export const FIND_CURRENT_HIGHLIGHT = 'casebook-find-current';

export interface FindState {
  open: boolean;
  query: string;
  matches: TextRange[];
  capped: boolean;
  /** Index of the current match in `matches`; -1 when there is none. */
  current: number;
  /** Bumped each time the bar is asked for (Ctrl/⌘+F again selects the field). */
  focusRequest: number;
  show(): void;
  close(): void;
  setQuery(query: string): void;
  step(by: 1 | -1): void;
}

/** The reader's find: what is typed, where it occurs in the stored text (minus what the view hides), which match is current. */
export function useFind(text: string, skip: readonly TextRange[]): FindState {
  const [open, setOpen] = useState(false);
  const [query, setQueryState] = useState('');
  const [current, setCurrent] = useState(-1);
  const [focusRequest, setFocusRequest] = useState(0);
  const deferred = useDeferredValue(query);
  const { matches, capped } = useMemo(() => (open ? findMatches(text, deferred, skip) : { matches: [], capped: false }), [open, text, deferred, skip]);

  useEffect(() => setCurrent(matches.length ? 0 : -1), [matches]);

  const show = useCallback(() => {
    setOpen(true);
    setFocusRequest((n) => n + 1);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const setQuery = useCallback((q: string) => setQueryState(q), []);
  const step = useCallback((by: 1 | -1) => setCurrent((c) => (matches.length ? (c + by + matches.length) % matches.length : -1)), [matches.length]);
  return { open, query, matches, capped, current, focusRequest, show, close, setQuery, step };
}

/**
 * Paints the find's matches (all of them, and the current one more strongly)
 * with the CSS Highlight API, and brings the current one into view once it
 * is in the map (a PDF's page view maps a page once it is drawn).
 */
export function useFindHighlights(segments: readonly TextSegment[] | null, find: FindState): void {
  const { matches, current, open } = find;
  useEffect(() => {
    const api = registry();
    if (!api || !segments || !open || matches.length === 0) return;
    const ranges = matches.map((m) => domRange(segments, m.start, m.end)).filter((r): r is Range => r !== null);
    const all = new api.Highlight(...ranges) as { priority: number };
    all.priority = 1;
    api.highlights.set(FIND_HIGHLIGHT, all);
    return () => void api.highlights.delete(FIND_HIGHLIGHT);
  }, [segments, matches, open]);

  const shown = useRef<TextRange | null>(null);
  useEffect(() => {
    const api = registry();
    const match = open ? matches[current] : undefined;
    if (!api || !segments || !match) return;
    const range = domRange(segments, match.start, match.end);
    if (!range) return;
    const highlight = new api.Highlight(range) as { priority: number };
    highlight.priority = 2;
    api.highlights.set(FIND_CURRENT_HIGHLIGHT, highlight);
    if (shown.current !== match) {
      shown.current = match;
      scrollRangeIntoView(range);
    }
    return () => void api.highlights.delete(FIND_CURRENT_HIGHLIGHT);
  }, [segments, matches, current, open]);
}
