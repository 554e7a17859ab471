import type { EntityType } from '../../shared/model';
import { useSyncExternalStore } from 'react';

/** Where the middle pane points, and what the inspector shows. */
export type MainView =
  | { kind: 'none' }
  | { kind: 'note'; noteId: string; focus?: { entityId: string; occurrence: number }; find?: string }
  | { kind: 'source'; sourceId: string; highlight?: { start: number; end: number } }
  | { kind: 'library' }
  | { kind: 'review' }
  | { kind: 'timeline' }
  | { kind: 'graph'; focusId?: string }
  | { kind: 'trash' };

export type InspectorView =
  | { kind: 'closed' }
  | { kind: 'entity'; entityId: string }
  | { kind: 'edit-entity'; entityId: string }
  /** A source's details: its facts (imported and edited), tags and actions; `editing` opens the form. */
  | { kind: 'source'; sourceId: string; editing?: boolean }
  | {
      kind: 'new-entity';
      name?: string;
      /** Called with the new entity once saved (never on cancel): the `@` Create path puts its mention in the note. */
      onCreated?: (entity: { id: string; name: string; type: EntityType }) => void;
    };

export interface NavigationState {
  main: MainView;
  inspector: InspectorView;
  /** The note last open in the main pane: where "Quote in note" writes while a source is read. */
  lastNoteId?: string | undefined;
  /** A modal over everything: the export dialog, the search palette or the command palette. */
  overlay?: Overlay | undefined;
}

export type Overlay = 'export' | 'search' | 'commands';

type Listener = () => void;

/** A tiny store for where the user is; React reads it with useSyncExternalStore. */
export function createNavigation(initial: NavigationState) {
  let state: NavigationState = { ...initial, lastNoteId: initial.lastNoteId ?? (initial.main.kind === 'note' ? initial.main.noteId : undefined) };
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    openMain(main: MainView) {
      state = { ...state, main, ...(main.kind === 'note' ? { lastNoteId: main.noteId } : {}) };
      listeners.forEach((l) => l());
    },
    openInspector(inspector: InspectorView) {
      state = { ...state, inspector };
      listeners.forEach((l) => l());
    },
    openOverlay(overlay: Overlay | undefined) {
      state = { ...state, overlay };
      listeners.forEach((l) => l());
    },
  };
}
export type Navigation = ReturnType<typeof createNavigation>;

export function useNavigationState(nav: Navigation): NavigationState {
  return useSyncExternalStore(nav.subscribe, nav.get);
}
