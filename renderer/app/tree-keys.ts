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
      else if (expanded === 'true') focus(item.querySelector<HTMLElement>('[role="treeitem"]'));
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
