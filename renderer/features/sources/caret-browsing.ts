import { createPreference, pageStorage, type Preference } from '../../app/preferences';

/**
 * Caret browsing (F7, the table's `caret-browsing`): the reader's text takes
 * a caret the arrow keys move, so a passage can be selected with
 * Shift+arrows and quoted with Ctrl/⌘+Shift+Q, with no mouse. Browsers have
 * this built in; Electron does not, so the reader does it with
 * `Selection.modify` (the DOM is never made editable) and draws the caret
 * itself. On or off is remembered for the window.
 */
let preference: Preference<boolean> | null = null;

export function caretBrowsing(): Preference<boolean> {
  preference ??= createPreference(pageStorage(), 'casebook:caret-browsing', (raw) => raw === true);
  return preference;
}

type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'paragraph' | 'documentboundary';

export interface CaretKey {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

/**
 * What a key does to the caret, as `Selection.modify` arguments, or null
 * for keys left alone. Shift extends; Ctrl (Alt on macOS) goes by word or
 * paragraph; Ctrl/⌘+Home/End go to either end of the document.
 */
export function caretMove(event: CaretKey, mac: boolean): { alter: 'move' | 'extend'; direction: 'forward' | 'backward'; granularity: Granularity } | null {
  const byWord = mac ? event.altKey : event.ctrlKey;
  const toEnd = mac ? event.metaKey : event.ctrlKey;
  // ⌘+←/→ on macOS goes to the line's start and end.
  const macLine = mac && event.metaKey;
  const table: Record<string, [('forward' | 'backward'), Granularity]> = {
    ArrowLeft: ['backward', macLine ? 'lineboundary' : byWord ? 'word' : 'character'],
    ArrowRight: ['forward', macLine ? 'lineboundary' : byWord ? 'word' : 'character'],
    ArrowUp: ['backward', byWord ? 'paragraph' : 'line'],
    ArrowDown: ['forward', byWord ? 'paragraph' : 'line'],
    Home: ['backward', toEnd ? 'documentboundary' : 'lineboundary'],
    End: ['forward', toEnd ? 'documentboundary' : 'lineboundary'],
  };
  const move = table[event.key];
  if (!move) return null;
  // Other modifier mixes (Ctrl+Alt…) belong to someone else.
  if (!mac && event.altKey) return null;
  return { alter: event.shiftKey ? 'extend' : 'move', direction: move[0], granularity: move[1] };
}
