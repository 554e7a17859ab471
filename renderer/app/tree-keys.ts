import type { KeyboardEvent } from 'react';

/**
 * The keyboard of an ARIA tree (WAI-ARIA Authoring Practices): ↑/↓ move
 * between the visible items, Home/End to the first and last, → opens a
 * closed group or enters an open one, ← closes an open group or goes up to
 * the parent, Enter and Space act (open the item, or open/close the group).
 * The items are the `[role=treeitem]` elements in document order (closed
 * groups render no children); one of them has tabIndex 0 (a roving tab stop).
 */
export function onTreeKeyDown(event: KeyboardEvent<HTMLElement>, act: { toggle(item: HTMLElement): void; activate(item: HTMLElement): void }): void {
  if (event.altKey || event.ctrlKey || event.metaKey) return;
  const tree = event.currentTarget;
  const item = (event.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
  if (!item || !tree.contains(item)) return;
  const items = [...tree.querySelectorAll<HTMLElement>('[role="treeitem"]')];
  const at = items.indexOf(item);
  const expanded = item.getAttribute('aria-expanded');
  const parent = item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? null;
  const focus = (target: HTMLElement | null | undefined) => target?.focus();
  switch (event.key) {
    case 'ArrowDown':
      focus(items[at + 1]);
      break;
    case 'ArrowUp':
      focus(items[at - 1]);
      break;
    case 'Home':
      focus(items[0]);
      break;
    case 'End':
      focus(items[items.length - 1]);
      break;
    case 'ArrowRight':
      if (expanded === 'false') act.toggle(item);
      else if (expanded === 'true') enterGroup(item);
      break;
    case 'ArrowLeft':
      if (expanded === 'true') act.toggle(item);
      else focus(parent);
      break;
    case 'Enter':
    case ' ':
      if (expanded !== null) act.toggle(item);
      else act.activate(item);
      break;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
}

/** How long a → waits for a group it has just opened to show its first item. */
const ENTER_WAIT_MS = 5000;

/**
 * Focuses the group's first item. A group just opened may still be reading
 * its members from the store: then the focus goes to the first one when it
 * appears, unless the user has moved on meanwhile (a second → pressed
 * quickly, or on a busy machine, is not lost).
 */
function enterGroup(group: HTMLElement): void {
  const first = () => group.querySelector<HTMLElement>('[role="treeitem"]');
  const now = first();
  if (now) {
    now.focus();
    return;
  }
  const observer = new MutationObserver(() => {
    const child = first();
    if (!child) return;
    stop();
    if (document.activeElement === group) child.focus();
  });
  const timer = setTimeout(() => stop(), ENTER_WAIT_MS);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
  };
  observer.observe(group, { childList: true, subtree: true });
}
