import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu-template';

function build(platform: NodeJS.Platform, development = false) {
  const actions: MenuActions = { command: vi.fn(), openLogsFolder: vi.fn(), about: vi.fn() };
  const template = buildMenuTemplate({ platform, appName: 'Casebook', development, actions });
  return { template, actions };
}
const items = (menu: MenuItemConstructorOptions | undefined) => (menu?.submenu ?? []) as MenuItemConstructorOptions[];
const menuNamed = (template: MenuItemConstructorOptions[], label: string) => template.find((m) => m.label?.replace('&', '') === label);
const roles = (menu: MenuItemConstructorOptions | undefined) => items(menu).map((i) => i.role).filter(Boolean);
const byLabel = (menu: MenuItemConstructorOptions | undefined, label: string) => items(menu).find((i) => i.label === label);
const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as unknown as () => void)();

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window, Help, with the app menu first on macOS only', () => {
    expect(build('darwin').template.map((m) => m.label)).toEqual(['Casebook', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(build('win32').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(build('linux').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    expect(roles(build('darwin').template[0])).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it('gives the Casebook commands Cmd accelerators on macOS and Ctrl elsewhere, shown but left to the page on Windows and Linux', () => {
    for (const [platform, mod, registered] of [['darwin', 'Cmd', true], ['win32', 'Ctrl', false], ['linux', 'Ctrl', false]] as const) {
      const { template } = build(platform);
      const file = menuNamed(template, 'File');
      expect(byLabel(file, 'New note')).toMatchObject({ accelerator: `${mod}+N`, registerAccelerator: registered });
      expect(byLabel(file, 'Import sources…')).toMatchObject({ accelerator: `${mod}+O` });
      expect(byLabel(file, 'Export briefing…')).toMatchObject({ accelerator: `${mod}+P` });
      expect(byLabel(file, 'Restore from backup…')?.accelerator).toBeUndefined();
      expect(byLabel(menuNamed(template, 'View'), 'Search…')).toMatchObject({ accelerator: `${mod}+K`, registerAccelerator: registered });
      expect(byLabel(menuNamed(template, 'View'), 'Command palette…')).toMatchObject({ accelerator: `${mod}+Shift+P`, registerAccelerator: registered });
    }
  });

  it('closes from File on macOS and quits from File elsewhere', () => {
    expect(roles(menuNamed(build('darwin').template, 'File'))).toEqual(['close']);
    expect(roles(menuNamed(build('linux').template, 'File'))).toEqual(['quit']);
  });

  it('sends each renderer command through actions.command', () => {
    const { template, actions } = build('linux');
    const file = menuNamed(template, 'File');
    click(byLabel(file, 'New note'));
    click(byLabel(file, 'Import sources…'));
    click(byLabel(file, 'Export briefing…'));
    click(byLabel(file, 'Restore from backup…'));
    click(byLabel(menuNamed(template, 'View'), 'Search…'));
    click(byLabel(menuNamed(template, 'View'), 'Command palette…'));
    expect(vi.mocked(actions.command).mock.calls.map(([c]) => c)).toEqual(['new-note', 'import', 'export', 'restore', 'search', 'command-palette']);
  });

  it('lays out File and View from the table’s sections, with lines between them', () => {
    const labels = (menu: MenuItemConstructorOptions | undefined) => items(menu).map((i) => (i.type === 'separator' ? '—' : (i.label ?? i.role)));
    expect(labels(menuNamed(build('linux').template, 'File'))).toEqual(['New note', 'New case…', 'Switch case…', '—', 'Import sources…', 'Export briefing…', '—', 'Restore from backup…', '—', 'quit']);
    expect(labels(menuNamed(build('darwin').template, 'View'))).toEqual([
      'Search…',
      'Find in document…',
      'Command palette…',
      '—',
      'Toggle the sidebar',
      'Toggle the inspector',
      'Caret browsing in sources',
      '—',
      'Theme: Light',
      'Theme: Dark',
      'Theme: System',
      '—',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      '—',
      'togglefullscreen',
    ]);
    // Ctrl+\ and Ctrl+Alt+\ (⌘\, ⌥⌘\ on macOS), spelt as Electron reads them.
    const view = items(menuNamed(build('linux').template, 'View'));
    expect(view.find((i) => i.label === 'Toggle the sidebar')?.accelerator).toBe('Ctrl+\\');
    expect(view.find((i) => i.label === 'Toggle the inspector')?.accelerator).toBe('Ctrl+Alt+\\');
    expect(items(menuNamed(build('darwin').template, 'View')).find((i) => i.label === 'Toggle the inspector')?.accelerator).toBe('Cmd+Alt+\\');
  });

  it('offers the sample case from Help, above the logs folder', () => {
    expect(items(menuNamed(build('linux').template, 'Help')).map((i) => (i.type === 'separator' ? '—' : i.label))[0]).toBe('Add the sample case');
  });

  it('uses the standard edit roles', () => {
    expect(roles(menuNamed(build('win32').template, 'Edit'))).toEqual([
      'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll',
    ]);
  });

  it('shows reload and the developer tools only in development', () => {
    expect(roles(menuNamed(build('linux', true).template, 'View'))).toEqual([
      'reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen',
    ]);
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const view = roles(menuNamed(build(platform, false).template, 'View'));
      expect(view).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
      // Nowhere else either.
      expect(JSON.stringify(build(platform, false).template)).not.toMatch(/toggleDevTools|forceReload|"reload"/);
    }
  });

  it('has the window roles per platform', () => {
    expect(roles(menuNamed(build('darwin').template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
    expect(roles(menuNamed(build('win32').template, 'Window'))).toEqual(['minimize', 'close']);
  });

  it('Help opens the logs folder, and About is in Help except on macOS (where it leads the app menu)', () => {
    const { template, actions } = build('win32');
    const help = menuNamed(template, 'Help');
    click(byLabel(help, 'Open logs folder'));
    expect(actions.openLogsFolder).toHaveBeenCalledOnce();
    click(byLabel(help, 'About Casebook'));
    expect(actions.about).toHaveBeenCalledOnce();
    const mac = build('darwin').template;
    expect(byLabel(menuNamed(mac, 'Help'), 'About Casebook')).toBeUndefined();
    expect(byLabel(mac[0], 'About Casebook')).toBeDefined();
  });
});
