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
 * Text a caret may stand in: the document's words, not the controls drawn
 * inside it (a PDF's toolbar and page field, the find bar, thumbnails).
 */
const NOT_READING_TEXT = '[role="toolbar"], [role="status"], [role="note"], .reader-bar, button, input, select, textarea, label, nav, [aria-hidden="true"]';

function readingTextNodes(doc: HTMLElement): Text[] {
  const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => ((n as Text).data.trim() && !n.parentElement?.closest(NOT_READING_TEXT) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP),
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) nodes.push(node);
  return nodes;
}

/** In one of the reader's own controls: the keys typed there are theirs, and no caret stands there. */
const inControl = (node: Node | null): boolean => !!(node instanceof Element ? node : node?.parentElement)?.closest(NOT_READING_TEXT);

const leadingSpace = (node: Text) => node.data.length - node.data.trimStart().length;

/** The first text in view in `doc`, where a caret starts when there is none yet. */
function placeCaretInView(doc: HTMLElement, scroller: HTMLElement): void {
  const selection = window.getSelection();
  if (!selection) return;
  // Text under the sticky toolbar is not in view.
  const top = Math.max(scroller.getBoundingClientRect().top, doc.querySelector('.reader-bar')?.getBoundingClientRect().bottom ?? -Infinity);
  const nodes = readingTextNodes(doc);
  const inView = nodes.find((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect().bottom > top + 4;
  });
  const first = inView ?? nodes[0];
  if (first) selection.collapse(first, leadingSpace(first));
}

/**
 * Ctrl/⌘+Home and End: the ends of the document read, not of the whole
 * page (Selection.modify's document boundary is the window's, the sidebar's
 * first line included).
 */
function moveToDocumentEnd(doc: HTMLElement, selection: Selection, direction: 'forward' | 'backward', extend: boolean): void {
  const nodes = readingTextNodes(doc);
  const node = direction === 'forward' ? nodes.at(-1) : nodes[0];
  if (!node) return;
  const offset = direction === 'forward' ? node.data.trimEnd().length : leadingSpace(node);
  if (extend && selection.rangeCount > 0) selection.extend(node, offset);
  else selection.collapse(node, offset);
}

/**
 * A caret left between two elements (a move across a PDF's text layer, whose
 * words are absolutely placed spans with line breaks between them) is put
 * into the text it was heading for: the start of the next text going
 * forward, the end of the previous one going back. And a move that did not
 * get anywhere (Chromium can stall at a text layer's line end) steps into
 * that next or previous text, so the keys never stop working mid-document.
 */
function settleCaretInText(doc: HTMLElement, selection: Selection, direction: 'forward' | 'backward', from: { node: Node; offset: number } | null): void {
  const focus = selection.focusNode;
  if (!focus || !doc.contains(focus)) return;
  const nodes = readingTextNodes(doc);
  if (nodes.length === 0) return;
  const place = (node: Text, offset: number) => (selection.isCollapsed ? selection.collapse(node, offset) : selection.extend(node, offset));
  const pointAt = (node: Node, offset: number) => {
    const range = document.createRange();
    range.setStart(node, offset);
    return range;
  };
  const nextText = (point: Range) => nodes.find((t) => point.comparePoint(t, 0) > 0 || (point.comparePoint(t, 0) === 0 && t !== point.startContainer));
  const previousText = (point: Range) => [...nodes].reverse().find((t) => point.comparePoint(t, t.length) < 0 || (point.comparePoint(t, t.length) === 0 && t !== point.startContainer));
  if (focus.nodeType !== Node.TEXT_NODE) {
    const point = pointAt(focus, selection.focusOffset);
    const target = direction === 'forward' ? (nextText(point) ?? previousText(point)) : (previousText(point) ?? nextText(point));
    if (target) place(target, target === nextText(point) ? leadingSpace(target) : target.data.trimEnd().length);
  }
  if (!from || !selection.focusNode) return;
  const moved = pointAt(from.node, from.offset).comparePoint(selection.focusNode, selection.focusOffset);
  if ((direction === 'forward' && moved > 0) || (direction === 'backward' && moved < 0)) return;
  const stuck = pointAt(from.node, from.offset);
  const target = direction === 'forward' ? nextText(stuck) : previousText(stuck);
  if (target) place(target, direction === 'forward' ? leadingSpace(target) : target.data.trimEnd().length);
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
    if (move.granularity === 'documentboundary') moveToDocumentEnd(d, selection, move.direction, move.alter === 'extend');
    else {
      const from = selection.focusNode ? { node: selection.focusNode, offset: selection.focusOffset } : null;
      selection.modify(move.alter, move.direction, move.granularity);
      settleCaretInText(d, selection, move.direction, from);
    }
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
