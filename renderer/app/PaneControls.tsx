import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { PANE_WIDTHS, type Pane, type PaneLayoutController } from './pane-layout';
import { shortcutLabel } from './key-platform';

const NAMES: Record<Pane, string> = { sidebar: 'the sidebar', inspector: 'the inspector' };
const COMMAND = { sidebar: 'toggle-sidebar', inspector: 'toggle-inspector' } as const;
export const PANE_IDS: Record<Pane, string> = { sidebar: 'sidebar', inspector: 'inspector' };

/** A window with a pane drawn on one side: the conventional "toggle panel" picture. */
function PaneIcon({ pane }: { pane: Pane }) {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" strokeWidth="1.3" />
      {pane === 'sidebar' ? <rect x="2.2" y="3.2" width="4" height="9.6" rx="1" fill="currentColor" opacity="0.55" /> : <rect x="9.8" y="3.2" width="4" height="9.6" rx="1" fill="currentColor" opacity="0.55" />}
    </svg>
  );
}

/** Shows or hides a pane (the table's toggle-sidebar / toggle-inspector, through `run`). */
export function PaneToggle({ pane, shown, label, run }: { pane: Pane; shown: boolean; label?: string | undefined; run: () => void }) {
  const name = label ?? `${shown ? 'Hide' : 'Show'} ${NAMES[pane]}`;
  const keys = shortcutLabel(COMMAND[pane]);
  return (
    <button type="button" className="pane-toggle" aria-label={name} title={keys ? `${name} (${keys})` : name} aria-expanded={shown} aria-controls={PANE_IDS[pane]} onClick={run}>
      <PaneIcon pane={pane} />
    </button>
  );
}

/** What is left of a collapsed pane: a strip with the button that brings it back. */
export function PaneRail({ pane, run }: { pane: Pane; run: () => void }) {
  return (
    <div className="pane-rail">
      <PaneToggle pane={pane} shown={false} run={run} />
    </div>
  );
}

const KEY_STEP = 16;

/**
 * The handle on a pane's inner edge: drag it, or focus it and use ←/→
 * (Home/End for the narrowest and widest); a double click puts the pane
 * back to its first width. A separator with a value, as ARIA asks of a
 * focusable splitter.
 */
export function PaneResizer({ pane, width, panes }: { pane: Pane; width: number; panes: PaneLayoutController }) {
  const drag = useRef<{ x: number; width: number } | null>(null);
  // The sidebar grows to the right, the inspector to the left.
  const direction = pane === 'sidebar' ? 1 : -1;
  const { min, max, initial } = PANE_WIDTHS[pane];
  const layoutOf = (el: Element) => el.closest('.layout');

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    drag.current = { x: e.clientX, width };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.classList.add('is-dragging');
    layoutOf(e.currentTarget)?.classList.add('is-resizing');
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) panes.setWidth(pane, d.width + direction * (e.clientX - d.x));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.classList.remove('is-dragging');
    layoutOf(e.currentTarget)?.classList.remove('is-resizing');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next: Record<string, number> = { ArrowLeft: width - direction * KEY_STEP, ArrowRight: width + direction * KEY_STEP, Home: min, End: max };
    const value = next[e.key];
    if (value === undefined) return;
    e.preventDefault();
    panes.setWidth(pane, value);
  };

  return (
    <div
      className={`pane-resizer ${pane === 'sidebar' ? 'at-end' : 'at-start'}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${NAMES[pane]}`}
      aria-controls={PANE_IDS[pane]}
      aria-valuenow={width}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      title="Drag to resize; double-click for the usual width"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={() => panes.setWidth(pane, initial)}
      onKeyDown={onKeyDown}
    />
  );
}
