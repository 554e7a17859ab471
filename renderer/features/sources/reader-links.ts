import { useState } from 'react';
import { confirmOpenLink } from './open-link';

/** The link element an event happened on, if it carries an address. */
export function linkOf(target: EventTarget | null): HTMLAnchorElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest<HTMLAnchorElement>('a[href]') ?? null;
}

/** The address a link would open: its href as written (sanitized to absolute http(s)/mailto or #), never one the page resolved. */
export const hrefOf = (link: HTMLAnchorElement): string => link.getAttribute('href') ?? '';

/** The caret position under a point, in a text node or element. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startContainer === range.endContainer ? range.startOffset : 0 } : null;
}

/**
 * Chromium never starts a selection with a press on a link (only with Alt
 * held), so words inside a link could be quoted only by starting the drag
 * outside it. A press on a link starts the selection here instead, and the
 * pointer's moves extend it, until the button is released.
 */
function selectByDrag(event: React.MouseEvent): void {
  const start = caretAt(event.clientX, event.clientY);
  const selection = window.getSelection();
  if (!start || !selection) return;
  event.preventDefault();
  selection.collapse(start.node, start.offset);
  const move = (e: MouseEvent) => {
    const end = caretAt(e.clientX, e.clientY);
    if (end) selection.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
  };
  const release = () => {
    window.removeEventListener('mousemove', move);
    window.removeEventListener('mouseup', release, true);
  };
  window.addEventListener('mousemove', move);
  window.addEventListener('mouseup', release, true);
}

/**
 * Links in the reader, made safe to read and quote: a click (one, two,
 * three, or the end of a drag that selects words inside the link) only
 * shows the address in the status line; Ctrl/Cmd+click asks to open it.
 * Middle clicks are swallowed: left alone, Chromium would open a window,
 * which main turns into the system browser without asking anyone.
 */
export function useReaderLinks() {
  const [hovered, setHovered] = useState<string | null>(null);
  const [clicked, setClicked] = useState<string | null>(null);

  const onMouseDown = (event: React.MouseEvent) => {
    // The first press of a plain left click on a link; double and triple clicks keep the browser's word and line selection.
    if (event.button !== 0 || event.detail > 1 || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (linkOf(event.target)) selectByDrag(event);
  };

  const onClick = (event: React.MouseEvent) => {
    const link = linkOf(event.target);
    if (!link) return setClicked(null);
    event.preventDefault();
    const href = hrefOf(link);
    if (!href || href.startsWith('#')) return;
    setClicked(href);
    // detail > 1 is the second click of a double-click: the first already asked.
    if ((event.ctrlKey || event.metaKey) && event.detail <= 1) confirmOpenLink(href);
  };
  const onAuxClick = (event: React.MouseEvent) => {
    if (linkOf(event.target)) event.preventDefault();
  };
  const show = (event: React.SyntheticEvent) => {
    const link = linkOf(event.target);
    const href = link ? hrefOf(link) : '';
    setHovered(href && !href.startsWith('#') ? href : null);
  };
  const hide = () => setHovered(null);

  return {
    /** The address to show: the one under the pointer or focus, else the one last clicked. */
    status: hovered ?? clicked,
    handlers: { onMouseDown, onClick, onAuxClick, onMouseOver: show, onMouseOut: hide, onFocus: show, onBlur: hide },
  };
}
