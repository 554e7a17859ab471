import { useState } from 'react';
import { confirmOpenLink } from './open-link';

/** The link element an event happened on, if it carries an address. */
export function linkOf(target: EventTarget | null): HTMLAnchorElement | null {
  const element = target instanceof Element ? target : target instanceof Node ? target.parentElement : null;
  return element?.closest<HTMLAnchorElement>('a[href]') ?? null;
}

/** The address a link would open: its href as written (sanitized to absolute http(s)/mailto or #), never one the page resolved. */
export const hrefOf = (link: HTMLAnchorElement): string => link.getAttribute('href') ?? '';

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
    handlers: { onClick, onAuxClick, onMouseOver: show, onMouseOut: hide, onFocus: show, onBlur: hide },
  };
}
