import { describe, expect, it } from 'vitest';
import { findCommands, listedCommands } from '../../../renderer/app/command-search';
import { UNMET_CONDITION, isConditionMet, type CommandState } from '../../../renderer/app/command-conditions';
import { COMMANDS } from '../../../shared/commands';

const ids = (query: string) => findCommands(query).map((c) => c.id);

describe('the palette’s search', () => {
  it('lists every command but the palette itself when nothing is typed, in table order', () => {
    expect(ids('')).toEqual(COMMANDS.map((c) => c.id).filter((id) => id !== 'command-palette'));
    expect(listedCommands().some((c) => c.id === 'command-palette')).toBe(false);
  });

  it('finds by word beginnings in any order, across label and keywords, ignoring case and accents', () => {
    expect(ids('new note')).toEqual(['new-note']);
    expect(ids('NOTE new')).toEqual(['new-note']);
    expect(ids('new')).toEqual(['new-note', 'new-case', 'new-entity']);
    expect(ids('ímp')).toEqual(['import']);
    expect(ids('pdf')).toEqual(['reader-toggle-view', 'reader-zoom-in', 'reader-zoom-out', 'reader-fit-width', 'export']);
    expect(ids('quote')).toEqual(['quote']);
    expect(ids('zebra')).toEqual([]);
  });

  it('puts a label that begins with the query before one found elsewhere in it, and keyword finds last', () => {
    // “backup”: Restore from backup… by its label, Export briefing… only by a keyword.
    expect(ids('backup')).toEqual(['restore', 'export']);
    // “open”: a keyword of Switch case, Import and Restore (menu order, as no label has it).
    expect(ids('open')).toEqual(['switch-case', 'import', 'restore']);
    expect(ids('s')).toEqual([
      'switch-case',
      'save',
      'search',
      'reader-toggle-view',
      'import',
      'quote',
      'toggle-sidebar',
      'caret-browsing',
      'theme-system',
      'add-sample-case',
      'find-in-source',
      'reader-zoom-out',
      'reader-fit-width',
      'toggle-inspector',
      'focus-next-pane',
      'focus-previous-pane',
    ]);
    // View → Theme, and the panes, by the words a user would try.
    expect(ids('theme')).toEqual(['theme-light', 'theme-dark', 'theme-system']);
    expect(ids('dark')).toEqual(['theme-dark']);
    expect(ids('hide inspector')).toEqual(['toggle-inspector', 'close-inspector']);
    expect(ids('caret')).toEqual(['caret-browsing']);
  });
});

describe('when a command can run', () => {
  const state = (over: Partial<CommandState> = {}): CommandState => ({
    main: { kind: 'none' },
    inspector: { kind: 'closed' },
    passageSelected: false,
    reader: null,
    ...over,
  });

  it('decides each condition from where the user is', () => {
    expect(isConditionMet('always', state())).toBe(true);
    expect(isConditionMet('note-open', state())).toBe(false);
    expect(isConditionMet('note-open', state({ main: { kind: 'note', noteId: 'n1' } }))).toBe(true);
    expect(isConditionMet('note-open', state({ main: { kind: 'source', sourceId: 's1' } }))).toBe(false);
    expect(isConditionMet('passage-selected', state({ main: { kind: 'source', sourceId: 's1' } }))).toBe(false);
    expect(isConditionMet('passage-selected', state({ passageSelected: true }))).toBe(true);
    expect(isConditionMet('inspector-open', state())).toBe(false);
    expect(isConditionMet('inspector-open', state({ inspector: { kind: 'new-entity' } }))).toBe(true);
    // A narrow window's drawer counts as open even with nothing in it: Escape closes it.
    expect(isConditionMet('inspector-open', state({ drawerOpen: true }))).toBe(true);
  });

  it('lets the reader’s commands run only where they make sense', () => {
    const text = { pdf: false, pages: false, focused: true };
    const pdfText = { pdf: true, pages: false, focused: true };
    const pages = { pdf: true, pages: true, focused: true };
    expect(isConditionMet('reader-open', state())).toBe(false);
    expect(isConditionMet('reader-open', state({ reader: text }))).toBe(true);
    expect(isConditionMet('pdf-open', state({ reader: text }))).toBe(false);
    expect(isConditionMet('pdf-open', state({ reader: pdfText }))).toBe(true);
    expect(isConditionMet('pdf-pages-focused', state({ reader: pdfText }))).toBe(false);
    expect(isConditionMet('pdf-pages-focused', state({ reader: pages }))).toBe(true);
    // Focus in another pane (the inspector's form): Ctrl+= is the window's zoom again.
    expect(isConditionMet('pdf-pages-focused', state({ reader: { ...pages, focused: false } }))).toBe(false);
  });

  it('says why, for every condition a command uses', () => {
    for (const command of COMMANDS) {
      if (command.enabledWhen !== 'always') expect(UNMET_CONDITION[command.enabledWhen], command.id).toMatch(/\w/);
    }
  });
});
