/**
 * F6 / Shift+F6: the focus moves sidebar → main pane → inspector and round,
 * as in a browser or VS Code, skipping a pane that is collapsed. The skip
 * link and F6 land on the same place in each pane: the note's text or the
 * reader's document in the main pane, the open item in the sidebar.
 */
export type Region = 'sidebar' | 'main' | 'inspector';

export const REGION_ORDER: readonly Region[] = ['sidebar', 'main', 'inspector'];
export const REGION_IDS: Record<Region, string> = { sidebar: 'sidebar', main: 'main-pane', inspector: 'inspector' };

/** The region after (or before) `current` among those available; from outside every region, F6 starts at the main pane. */
export function nextRegion(current: Region | null, available: readonly Region[], step: 1 | -1): Region | null {
  const order = REGION_ORDER.filter((r) => available.includes(r));
  if (order.length === 0) return null;
  if (current === null) return order.includes('main') ? 'main' : order[0]!;
  // From a pane no longer available, count from where it sits in the full order.
  let at = REGION_ORDER.indexOf(current);
  for (let i = 0; i < REGION_ORDER.length; i++) {
    at = (at + step + REGION_ORDER.length) % REGION_ORDER.length;
    const candidate = REGION_ORDER[at]!;
    if (order.includes(candidate)) return candidate;
  }
  return null;
}

export function regionOf(element: Element | null): Region | null {
  const host = element?.closest(REGION_ORDER.map((r) => `#${REGION_IDS[r]}`).join(','));
  return (REGION_ORDER.find((r) => host?.id === REGION_IDS[r]) ?? null) as Region | null;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/** What in a region takes the focus: its marked target (the editor, the reader's text), its current item, else its first control, else itself. */
function targetIn(region: Region, root: HTMLElement): HTMLElement {
  const preferred = {
    sidebar: '[aria-current="page"], .side-item.is-active .side-link, [role="treeitem"][tabindex="0"]',
    main: '[data-pane-focus]',
    inspector: '[data-pane-focus]',
  }[region];
  const visible = (el: HTMLElement) => el.getClientRects().length > 0;
  const marked = [...root.querySelectorAll<HTMLElement>(preferred)].find(visible);
  if (marked) return marked;
  const first = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find(visible);
  return first ?? root;
}

/** Moves the focus into a region; false if it is not on the page. */
export function focusRegion(region: Region, doc: Document = document): boolean {
  const root = doc.getElementById(REGION_IDS[region]);
  if (!root || root.getClientRects().length === 0) return false;
  const target = targetIn(region, root);
  if (target === root && !root.hasAttribute('tabindex')) root.tabIndex = -1;
  target.focus();
  return doc.activeElement === target;
}
