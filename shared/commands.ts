/**
 * Every Casebook command, once: its name, its keys, where the native menu
 * shows it, and when it can run. The native menu (electron/main/menu-template.ts),
 * the page's one key handler and the command palette (renderer/app/) and the
 * `menu:command` event (shared/ipc/contract.ts) are all built from this table;
 * the renderer maps each id to its one action (renderer/app/commands.ts).
 */

/**
 * When a command can run, as data the renderer evaluates
 * (renderer/app/command-conditions.ts). A command that cannot run is greyed
 * in the palette, and its key is left to the page.
 */
export type CommandCondition =
  | 'always'
  /** A note is open in the middle pane. */
  | 'note-open'
  /** A passage is selected in the source reader (its selection menu is up). */
  | 'passage-selected'
  /** The inspector shows something. */
  | 'inspector-open'
  /** A source is open in the reader. */
  | 'reader-open'
  /** The reader shows a PDF (which has a page view and a text view). */
  | 'pdf-open'
  /** A PDF's pages are shown and focus is on them (or nowhere): the keys browsers use to zoom a page zoom the PDF. */
  | 'pdf-pages-focused';

/** The native menus Casebook commands appear in (the rest of the menu is Electron roles). */
export type MenuName = 'file' | 'view' | 'help';

export interface CommandSpec {
  id: string;
  /** In the menu and the palette. An ellipsis means the command asks for more before acting. */
  label: string;
  /** The key, in Electron's syntax; shown in the menu and the palette. */
  accelerator?: string;
  /** More keys for the same command, handled by the page but not shown. */
  alsoAccelerators?: readonly string[];
  /** In which native menu, and in which of its sections (separated by lines); table order within a section. */
  menu?: { in: MenuName; section: number };
  enabledWhen: CommandCondition;
  /** Words the palette also finds it by. */
  keywords?: readonly string[];
  /** Not listed in the palette (the palette's own command). */
  inPalette?: false;
}

export const COMMANDS = [
  { id: 'new-note', label: 'New note', accelerator: 'CmdOrCtrl+N', menu: { in: 'file', section: 0 }, enabledWhen: 'always', keywords: ['create'] },
  { id: 'new-case', label: 'New case…', accelerator: 'CmdOrCtrl+Shift+N', menu: { in: 'file', section: 0 }, enabledWhen: 'always', keywords: ['create', 'investigation', 'project'] },
  { id: 'switch-case', label: 'Switch case…', menu: { in: 'file', section: 0 }, enabledWhen: 'always', keywords: ['open', 'case'] },
  {
    id: 'import',
    label: 'Import sources…',
    accelerator: 'CmdOrCtrl+O',
    menu: { in: 'file', section: 1 },
    enabledWhen: 'always',
    keywords: ['open', 'add', 'file', 'document'],
  },
  {
    id: 'export',
    label: 'Export briefing…',
    accelerator: 'CmdOrCtrl+P',
    alsoAccelerators: ['CmdOrCtrl+E'],
    menu: { in: 'file', section: 1 },
    enabledWhen: 'always',
    keywords: ['pdf', 'print', 'markdown', 'html', 'backup'],
  },
  { id: 'restore', label: 'Restore from backup…', menu: { in: 'file', section: 2 }, enabledWhen: 'always', keywords: ['open', 'casebook'] },
  { id: 'save', label: 'Save now', accelerator: 'CmdOrCtrl+S', enabledWhen: 'note-open', keywords: ['note'] },
  { id: 'new-entity', label: 'New entity…', accelerator: 'CmdOrCtrl+Shift+E', enabledWhen: 'always', keywords: ['create', 'person', 'company', 'place'] },
  { id: 'quote', label: 'Quote selection in note', accelerator: 'CmdOrCtrl+Shift+Q', enabledWhen: 'passage-selected', keywords: ['cite', 'citations', 'passage'] },
  { id: 'search', label: 'Search…', accelerator: 'CmdOrCtrl+K', menu: { in: 'view', section: 0 }, enabledWhen: 'always', keywords: ['find'] },
  { id: 'find-in-source', label: 'Find in document…', accelerator: 'CmdOrCtrl+F', menu: { in: 'view', section: 0 }, enabledWhen: 'reader-open', keywords: ['search', 'text', 'source', 'page'] },
  { id: 'reader-toggle-view', label: 'Switch PDF between pages and text', enabledWhen: 'pdf-open', keywords: ['reflow', 'page view', 'text view', 'layout'] },
  { id: 'reader-zoom-in', label: 'Zoom in on the PDF', accelerator: 'CmdOrCtrl+=', alsoAccelerators: ['CmdOrCtrl+Plus', 'CmdOrCtrl+numadd'], enabledWhen: 'pdf-pages-focused', keywords: ['larger', 'magnify'] },
  { id: 'reader-zoom-out', label: 'Zoom out of the PDF', accelerator: 'CmdOrCtrl+-', alsoAccelerators: ['CmdOrCtrl+numsub'], enabledWhen: 'pdf-pages-focused', keywords: ['smaller'] },
  { id: 'reader-fit-width', label: 'Fit the PDF to the width', accelerator: 'CmdOrCtrl+0', alsoAccelerators: ['CmdOrCtrl+num0'], enabledWhen: 'pdf-pages-focused', keywords: ['zoom', 'reset', 'actual size'] },
  { id: 'reader-go-to-page', label: 'Go to page…', enabledWhen: 'pdf-open', keywords: ['jump', 'page number'] },
  {
    id: 'command-palette',
    label: 'Command palette…',
    accelerator: 'CmdOrCtrl+Shift+P',
    menu: { in: 'view', section: 0 },
    enabledWhen: 'always',
    inPalette: false,
  },
  {
    id: 'toggle-sidebar',
    label: 'Toggle the sidebar',
    accelerator: 'CmdOrCtrl+\\',
    menu: { in: 'view', section: 1 },
    enabledWhen: 'always',
    keywords: ['show', 'hide', 'pane', 'panel', 'layout'],
  },
  {
    id: 'toggle-inspector',
    label: 'Toggle the inspector',
    accelerator: 'CmdOrCtrl+Alt+\\',
    menu: { in: 'view', section: 1 },
    enabledWhen: 'always',
    keywords: ['show', 'hide', 'pane', 'panel', 'layout', 'entity'],
  },
  { id: 'focus-next-pane', label: 'Focus the next pane', accelerator: 'F6', enabledWhen: 'always', keywords: ['keyboard', 'sidebar', 'editor', 'inspector', 'move'] },
  { id: 'focus-previous-pane', label: 'Focus the previous pane', accelerator: 'Shift+F6', enabledWhen: 'always', keywords: ['keyboard', 'sidebar', 'editor', 'inspector', 'move'] },
  {
    id: 'caret-browsing',
    label: 'Caret browsing in sources',
    accelerator: 'F7',
    menu: { in: 'view', section: 1 },
    enabledWhen: 'always',
    keywords: ['keyboard', 'cursor', 'select', 'text', 'reader', 'accessibility'],
  },
  { id: 'theme-light', label: 'Theme: Light', menu: { in: 'view', section: 2 }, enabledWhen: 'always', keywords: ['appearance', 'colour', 'color', 'mode'] },
  { id: 'theme-dark', label: 'Theme: Dark', menu: { in: 'view', section: 2 }, enabledWhen: 'always', keywords: ['appearance', 'colour', 'color', 'mode', 'night'] },
  {
    id: 'theme-system',
    label: 'Theme: System',
    menu: { in: 'view', section: 2 },
    enabledWhen: 'always',
    keywords: ['appearance', 'colour', 'color', 'mode', 'automatic', 'follow'],
  },
  { id: 'add-sample-case', label: 'Add the sample case', menu: { in: 'help', section: 0 }, enabledWhen: 'always', keywords: ['fentanyl', 'example', 'demo', 'seed'] },
  { id: 'close-inspector', label: 'Close the inspector', accelerator: 'Escape', enabledWhen: 'inspector-open', keywords: ['hide', 'entity'] },
] as const satisfies readonly CommandSpec[];

export type CommandId = (typeof COMMANDS)[number]['id'];
export type Command = CommandSpec & { id: CommandId };

const byId = new Map<string, Command>(COMMANDS.map((c) => [c.id, c]));

export function commandById(id: CommandId): Command {
  return byId.get(id)!;
}

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && byId.has(value);
}

/** Every key a command answers to, its shown accelerator first. */
export function acceleratorsOf(command: CommandSpec): string[] {
  return [...(command.accelerator ? [command.accelerator] : []), ...(command.alsoAccelerators ?? [])];
}

/** A menu's commands, section by section, in table order. */
export function menuSections(menu: MenuName): Command[][] {
  const sections = new Map<number, Command[]>();
  for (const command of COMMANDS as readonly Command[]) {
    if (command.menu?.in !== menu) continue;
    sections.set(command.menu.section, [...(sections.get(command.menu.section) ?? []), command]);
  }
  return [...sections.entries()].sort(([a], [b]) => a - b).map(([, commands]) => commands);
}
