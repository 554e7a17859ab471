import { useSyncExternalStore } from 'react';
import { createPreference, pageStorage, type KeyValueStorage, type Preference } from './preferences';

/** The two side panes around the main one. */
export type Pane = 'sidebar' | 'inspector';

export interface PaneLayout {
  sidebarWidth: number;
  inspectorWidth: number;
  sidebarCollapsed: boolean;
  inspectorCollapsed: boolean;
}

/** Widths a pane can be dragged to, in CSS pixels, and its width before any drag. */
export const PANE_WIDTHS: Record<Pane, { min: number; max: number; initial: number }> = {
  sidebar: { min: 200, max: 440, initial: 264 },
  inspector: { min: 260, max: 560, initial: 340 },
};

/**
 * Below this window width the inspector is no column but a drawer over the
 * main pane (a rail keeps its button), so the note keeps room to be read.
 * app.css keys on the `data-inspector` the shell sets, never on its own
 * media query, so this is the one place the threshold lives.
 */
export const NARROW_LAYOUT_BELOW = 1100;

export const DEFAULT_LAYOUT: PaneLayout = {
  sidebarWidth: PANE_WIDTHS.sidebar.initial,
  inspectorWidth: PANE_WIDTHS.inspector.initial,
  sidebarCollapsed: false,
  inspectorCollapsed: false,
};

export function clampWidth(pane: Pane, width: number): number {
  const { min, max, initial } = PANE_WIDTHS[pane];
  return Number.isFinite(width) ? Math.round(Math.min(max, Math.max(min, width))) : initial;
}

/** What was remembered, made valid: unknown fields dropped, widths clamped, anything else the default. */
export function parseLayout(raw: unknown): PaneLayout {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof PaneLayout, unknown>>;
  const width = (pane: Pane, value: unknown) => (typeof value === 'number' ? clampWidth(pane, value) : PANE_WIDTHS[pane].initial);
  return {
    sidebarWidth: width('sidebar', r.sidebarWidth),
    inspectorWidth: width('inspector', r.inspectorWidth),
    sidebarCollapsed: r.sidebarCollapsed === true,
    inspectorCollapsed: r.inspectorCollapsed === true,
  };
}

/** How the inspector shows: a column, a drawer over the main pane (narrow windows), or only its rail. */
export type InspectorMode = 'column' | 'drawer' | 'rail';

export function inspectorMode(layout: PaneLayout, narrow: boolean, drawerOpen: boolean): InspectorMode {
  if (narrow) return drawerOpen ? 'drawer' : 'rail';
  return layout.inspectorCollapsed ? 'rail' : 'column';
}

export interface PaneLayoutController {
  /** Widths and collapsed panes, remembered for this window. */
  layout: Preference<PaneLayout>;
  /** Whether the inspector's drawer is out (narrow windows only; not remembered). */
  drawer: Preference<boolean>;
  isNarrow(): boolean;
  subscribeNarrow(listener: () => void): () => void;
  setWidth(pane: Pane, width: number): void;
  /** Shows or hides a pane: the sidebar collapses to its rail; the inspector too, or in a narrow window its drawer slides out or in. */
  toggle(pane: Pane): void;
  /** Makes sure the inspector can be seen (an entity was opened). */
  revealInspector(): void;
  /** The inspector is closed: a drawer goes away with it. */
  inspectorClosed(): void;
  /** Whether the inspector shows anything now. */
  inspectorShown(): boolean;
}

export interface PaneLayoutEnvironment {
  storage: KeyValueStorage | null;
  /** `matchMedia('(max-width: …)')` for NARROW_LAYOUT_BELOW. */
  narrow: { matches: boolean; addEventListener(type: 'change', listener: () => void): void; removeEventListener(type: 'change', listener: () => void): void };
}

export function createPaneLayout(env: PaneLayoutEnvironment): PaneLayoutController {
  const layout = createPreference(env.storage, 'casebook:layout', parseLayout);
  const drawer = createPreference(null, 'casebook:inspector-drawer', (raw) => raw === true);
  const update = (change: Partial<PaneLayout>) => layout.set({ ...layout.get(), ...change });
  const isNarrow = () => env.narrow.matches;
  return {
    layout,
    drawer,
    isNarrow,
    subscribeNarrow(listener) {
      env.narrow.addEventListener('change', listener);
      return () => env.narrow.removeEventListener('change', listener);
    },
    setWidth(pane, width) {
      update(pane === 'sidebar' ? { sidebarWidth: clampWidth(pane, width) } : { inspectorWidth: clampWidth(pane, width) });
    },
    toggle(pane) {
      if (pane === 'sidebar') return update({ sidebarCollapsed: !layout.get().sidebarCollapsed });
      if (isNarrow()) return drawer.set(!drawer.get());
      update({ inspectorCollapsed: !layout.get().inspectorCollapsed });
    },
    revealInspector() {
      if (isNarrow()) drawer.set(true);
      else if (layout.get().inspectorCollapsed) update({ inspectorCollapsed: false });
    },
    inspectorClosed() {
      if (drawer.get()) drawer.set(false);
    },
    inspectorShown: () => inspectorMode(layout.get(), isNarrow(), drawer.get()) !== 'rail',
  };
}

export const NARROW_QUERY = `(max-width: ${NARROW_LAYOUT_BELOW - 0.02}px)`;

let controller: PaneLayoutController | null = null;

/** This window's pane layout. */
export function paneLayout(): PaneLayoutController {
  controller ??= createPaneLayout({ storage: pageStorage(), narrow: window.matchMedia(NARROW_QUERY) });
  return controller;
}

export function useNarrowLayout(panes: PaneLayoutController): boolean {
  return useSyncExternalStore(panes.subscribeNarrow, panes.isNarrow);
}
