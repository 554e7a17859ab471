import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { usePreference } from '../../app/preferences';
import { KEY_PLATFORM } from '../../app/key-platform';
import { caretBrowsing, caretMove } from './caret-browsing';

export interface CaretBox {
  left: number;
  top: number;
  height: number;
}

/**
 * The reader's own controls inside the document (the PDF toolbar, the find
 * bar, thumbnails): they are not the document's text, and the keys typed in
 * them are theirs.
 */
const CONTROLS = 'input, textarea, select, button, [contenteditable], [role="toolbar"], [role="search"], .reader-bar';
const inControl = (node: Node | null): boolean => !!(node instanceof Element ? node : node?.parentElement)?.closest(CONTROLS);

/** The first text in view in `doc` (outside its controls), where a caret starts when there is none yet. */
function placeCaretInView(doc: HTMLElement, scroller: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  // Text under the sticky toolbar is not in view.
  const top = Math.max(scroller.getBoundingClientRect().top, doc.querySelector('.reader-bar')?.getBoundingClientRect().bottom ?? -Infinity);
  const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => ((n as Text).data.trim() && !inControl(n) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  let first: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    first ??= node;
    const range = document.createRange();
    range.selectNodeContents(node);
    if (range.getBoundingClientRect().bottom > top + 4) {
      first = node;
      break;
    }
  }
  if (first) selection.collapse(first, first.data.length - first.data.trimStart().length);
}

/** Where a collapsed selection is drawn, relative to `frame`; null when there is none to draw in `doc`. */
function caretBox(doc: HTMLElement, frame: HTMLElement): CaretBox | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed || !doc.contains(selection.focusNode)) return null;
  const range = selection.getRangeAt(0).cloneRange();
  let rect = range.getClientRects()[0];
  // Between two elements a collapsed range has no box: measure the next character instead.
  if (!rect && range.startContainer.nodeType === Node.TEXT_NODE && range.startOffset < (range.startContainer as Text).length) {
    range.setEnd(range.startContainer, range.startOffset + 1);
    rect = range.getClientRects()[0];
  }
  if (!rect) return null;
  const origin = frame.getBoundingClientRect();
  return { left: rect.left - origin.left, top: rect.top - origin.top, height: rect.height };
}

/**
 * Caret browsing in the reader (see caret-browsing.ts): while it is on and
 * the document has the focus, arrow keys move a caret and Shift+arrows
 * select, through `Selection.modify`, so the text is never made editable.
 * Returns the caret to draw and the key handler for the document.
 */
export function useCaretBrowsing(doc: RefObject<HTMLElement | null>, scroller: RefObject<HTMLElement | null>, frame: RefObject<HTMLElement | null>, onMoved: () => void) {
  const on = usePreference(caretBrowsing());
  const [caret, setCaret] = useState<CaretBox | null>(null);
  const moved = useRef(onMoved);
  moved.current = onMoved;

  // Turned on while a source is open: the document takes the focus, with a caret at the first line in view.
  const wasOn = useRef(on);
  useEffect(() => {
    const turnedOn = on && !wasOn.current;
    wasOn.current = on;
    if (!turnedOn || !doc.current || !scroller.current) return;
    doc.current.focus({ preventScroll: true });
    placeCaretInView(doc.current, scroller.current);
  }, [on, doc, scroller]);

  useEffect(() => {
    if (!on) return setCaret(null);
    const update = () => {
      const d = doc.current;
      const f = frame.current;
      setCaret(d && f && d.contains(document.activeElement) ? caretBox(d, f) : null);
    };
    document.addEventListener('selectionchange', update);
    const scrollEl = scroller.current;
    scrollEl?.addEventListener('scroll', update, { passive: true });
    const d = doc.current;
    d?.addEventListener('focus', update);
    d?.addEventListener('blur', update);
    update();
    return () => {
      document.removeEventListener('selectionchange', update);
      scrollEl?.removeEventListener('scroll', update);
      d?.removeEventListener('focus', update);
      d?.removeEventListener('blur', update);
    };
  }, [on, doc, scroller, frame]);

  const onFocus = () => {
    const d = doc.current;
    const selection = window.getSelection();
    if (on && d && scroller.current && !(selection && selection.rangeCount > 0 && d.contains(selection.focusNode) && !inControl(selection.focusNode))) placeCaretInView(d, scroller.current);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const d = doc.current;
    if (!on || !d || !scroller.current || inControl(event.target as Node)) return;
    const move = caretMove(event, KEY_PLATFORM === 'mac');
    if (!move) return;
    event.preventDefault();
    const selection = window.getSelection();
    if (!selection) return;
    if (selection.rangeCount === 0 || !d.contains(selection.focusNode) || inControl(selection.focusNode)) placeCaretInView(d, scroller.current);
    selection.modify(move.alter, move.direction, move.granularity);
    // Keep the moving end on screen.
    const focusRange = document.createRange();
    if (selection.focusNode) {
      focusRange.setStart(selection.focusNode, selection.focusOffset);
      const rect = focusRange.getClientRects()[0] ?? (selection.focusNode.parentElement?.getBoundingClientRect() ?? null);
      const view = scroller.current.getBoundingClientRect();
      if (rect && rect.bottom > view.bottom - 24) scroller.current.scrollBy({ top: rect.bottom - view.bottom + 48 });
      else if (rect && rect.top < view.top + 24) scroller.current.scrollBy({ top: rect.top - view.top - 48 });
    }
    moved.current();
  };

  return { on, caret, onKeyDown, onFocus };
}
