import type { CommandCondition } from '../../shared/commands';
import type { InspectorView, MainView } from './navigation';

/** What the table's `enabledWhen` conditions are decided on. */
export interface CommandState {
  main: MainView;
  inspector: InspectorView;
  /** A passage is selected in the reader (its selection menu is up). */
  passageSelected: boolean;
  /** A narrow window's inspector drawer is out (it may show nothing yet). */
  drawerOpen?: boolean;
  /** The reader, when a source is shown: a PDF or not, its pages shown or not, focus on it or not. */
  reader: { pdf: boolean; pages: boolean; focused: boolean } | null;
}

export function isConditionMet(condition: CommandCondition, state: CommandState): boolean {
  switch (condition) {
    case 'always':
      return true;
    case 'note-open':
      return state.main.kind === 'note';
    case 'passage-selected':
      return state.passageSelected;
    case 'inspector-open':
      return state.inspector.kind !== 'closed' || state.drawerOpen === true;
    case 'reader-open':
      return state.reader !== null;
    case 'pdf-open':
      return !!state.reader?.pdf;
    case 'pdf-pages-focused':
      return !!state.reader?.pages && state.reader.focused;
  }
}

/** Why a command is greyed, shown beside it in the palette. */
export const UNMET_CONDITION: Record<Exclude<CommandCondition, 'always'>, string> = {
  'note-open': 'Open a note first',
  'passage-selected': 'Select a passage in a source first',
  'inspector-open': 'The inspector is closed',
  'reader-open': 'Open a source first',
  'pdf-open': 'Open a PDF first',
  'pdf-pages-focused': 'Click on the pages of a PDF first',
};
