import { useEffect } from 'react';
import { useApp } from '../../app/context';
import { useNoteActions } from '../notes/use-note-actions';
import { flushPendingSaves } from '../editor/pending-saves';
import { useChooseAndImport } from '../sources/import/use-import-actions';

/**
 * App-wide keys: Ctrl/⌘+N new note, Ctrl/⌘+S save now, Ctrl/⌘+O import
 * sources, Ctrl/⌘+Shift+E new entity, Ctrl/⌘+P or Ctrl/⌘+E export a
 * briefing, Ctrl/⌘+K search, Escape closes the inspector when focus is not
 * in a field.
 */
export function useGlobalShortcuts(): void {
  const { nav } = useApp();
  const { create } = useNoteActions();
  const chooseAndImport = useChooseAndImport();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && !event.shiftKey && key === 'n') {
        event.preventDefault();
        void create();
      } else if (mod && !event.shiftKey && key === 's') {
        event.preventDefault();
        void flushPendingSaves();
      } else if (mod && !event.shiftKey && key === 'o') {
        event.preventDefault();
        void chooseAndImport();
      } else if (mod && event.shiftKey && key === 'e') {
        event.preventDefault();
        nav.openInspector({ kind: 'new-entity' });
      } else if (mod && !event.shiftKey && (key === 'p' || key === 'e')) {
        event.preventDefault();
        void flushPendingSaves().then(() => nav.openOverlay('export'));
      } else if (mod && !event.shiftKey && key === 'k') {
        event.preventDefault();
        nav.openOverlay('search');
      } else if (key === 'escape' && !isEditable(event.target)) {
        nav.openInspector({ kind: 'closed' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nav, create, chooseAndImport]);
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
