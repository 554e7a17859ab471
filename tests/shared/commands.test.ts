import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { extensions as coreExtensions, getExtensionField, type AnyExtension } from '@tiptap/core';
import { COMMANDS, acceleratorsOf, commandById, isCommandId, menuSections, type CommandSpec } from '../../shared/commands';
import { chordFor, parseAccelerator, type KeyPlatform } from '../../shared/accelerator';
import { noteExtensions } from '../../shared/editor/extensions';
import { buildMenuTemplate } from '../../electron/main/menu-template';

const PLATFORMS: KeyPlatform[] = ['mac', 'pc'];
const all = COMMANDS as readonly CommandSpec[];

/** One chord as a comparable string: the same string means the same key press. */
function chordKey(accelerator: string, platform: KeyPlatform): string {
  const chord = chordFor(parseAccelerator(accelerator), platform);
  return `${chord.ctrl ? 'C' : ''}${chord.meta ? 'M' : ''}${chord.alt ? 'A' : ''}${chord.shift ? 'S' : ''}:${chord.key.name}`;
}

/**
 * The keys the note editor binds itself (TipTap's core keymap, the
 * extensions of every note, and NoteEditor's own Ctrl/⌘+Shift+K for a link),
 * as Electron accelerators. The page's handler runs after the editor's, so a
 * command on one of these would fire both.
 */
function editorAccelerators(platform: KeyPlatform): string[] {
  // TipTap's core keymap differs on macOS (Ctrl+A, Ctrl+E… move the caret there).
  vi.stubGlobal('navigator', { platform: platform === 'mac' ? 'MacIntel' : 'Linux x86_64', userAgent: '' });
  const flat: AnyExtension[] = [];
  const walk = (list: readonly AnyExtension[]) => {
    for (const extension of list) {
      flat.push(extension);
      const context = { name: extension.name, options: extension.options, storage: extension.storage, parent: extension.parent };
      const children = getExtensionField<(() => AnyExtension[]) | undefined>(extension, 'addExtensions', context);
      if (children) walk(children());
    }
  };
  // `extensions` also exports a plugin key, which is no extension.
  const core = (Object.values(coreExtensions) as unknown[]).filter((e): e is AnyExtension => typeof e === 'object' && e !== null && 'config' in e);
  walk([...core, ...noteExtensions()]);
  const keys = ['Mod-Shift-k'];
  for (const extension of flat) {
    const context = { name: extension.name, options: extension.options, storage: extension.storage, parent: extension.parent, editor: {}, type: {} };
    const shortcuts = getExtensionField<(() => Record<string, unknown>) | undefined>(extension, 'addKeyboardShortcuts', context);
    if (shortcuts) keys.push(...Object.keys(shortcuts()));
  }
  // ProseMirror's "Mod-Shift-b" in Electron's words; keys Electron has no name for (Mod-я) cannot collide.
  return keys.flatMap((key) => {
    const parts = key.split('-');
    const name = parts.pop()!;
    const accelerator = [...parts.map((p) => (p === 'Mod' ? 'CmdOrCtrl' : p)), name.length === 1 ? name.toUpperCase() : name].join('+');
    try {
      parseAccelerator(accelerator);
      return [accelerator];
    } catch {
      return [];
    }
  });
}

describe('the command table', () => {
  it('has unique ids, labels and a known condition for each command', () => {
    const ids = all.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const labels = all.map((c) => c.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const command of all) {
      expect(['always', 'note-open', 'passage-selected', 'inspector-open', 'reader-open', 'pdf-open', 'pdf-pages-focused'], command.id).toContain(command.enabledWhen);
      expect(isCommandId(command.id)).toBe(true);
      expect(commandById(command.id as never)).toBe(command);
    }
    expect(isCommandId('rm -rf')).toBe(false);
    expect(isCommandId(undefined)).toBe(false);
  });

  it('gives every command an accelerator that parses on macOS and on Windows/Linux', () => {
    for (const command of all) {
      for (const accelerator of acceleratorsOf(command)) {
        for (const platform of PLATFORMS) expect(() => chordFor(parseAccelerator(accelerator), platform), `${command.id}: ${accelerator}`).not.toThrow();
      }
    }
  });

  it('never gives two commands (or one command twice) the same key press', () => {
    for (const platform of PLATFORMS) {
      const owners = new Map<string, string>();
      for (const command of all) {
        for (const accelerator of acceleratorsOf(command)) {
          const key = chordKey(accelerator, platform);
          expect(owners.get(key), `${command.id} ${accelerator} on ${platform}`).toBeUndefined();
          owners.set(key, command.id);
        }
      }
    }
  });

  afterEach(() => vi.unstubAllGlobals());

  it('takes no key the note editor binds itself', () => {
    // The walk really reads the editor's keymaps: bold, undo, headings, NoteEditor's link key, macOS caret keys.
    expect(editorAccelerators('pc')).toEqual(expect.arrayContaining(['CmdOrCtrl+B', 'CmdOrCtrl+Z', 'CmdOrCtrl+Alt+2', 'CmdOrCtrl+Shift+K']));
    expect(editorAccelerators('mac')).toEqual(expect.arrayContaining(['Ctrl+E', 'CmdOrCtrl+Shift+K']));
    for (const platform of PLATFORMS) {
      const editor = editorAccelerators(platform);
      const taken = new Map(editor.map((a) => [chordKey(a, platform), a]));
      for (const command of all) {
        for (const accelerator of acceleratorsOf(command)) {
          // Keys without a modifier never fire in a field (the editor is one).
          if (!/\+/.test(accelerator)) continue;
          expect(taken.get(chordKey(accelerator, platform)), `${command.id} ${accelerator} on ${platform}`).toBeUndefined();
        }
      }
    }
  });

  it('has a native menu item for every menu-placed command, with its key, and none for the others', () => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) {
      const sent: string[] = [];
      const template = buildMenuTemplate({ platform, appName: 'Casebook', development: false, actions: { command: (id) => sent.push(id), openLogsFolder: () => {}, about: () => {} } });
      const items = template.flatMap((menu) => (menu.submenu ?? []) as MenuItemConstructorOptions[]);
      for (const command of all) {
        const item = items.find((i) => i.label === command.label);
        if (!command.menu) {
          expect(item, command.id).toBeUndefined();
          continue;
        }
        expect(item, command.id).toBeDefined();
        (item!.click as unknown as () => void)();
        expect(sent.at(-1)).toBe(command.id);
        expect(item!.accelerator).toBe(command.accelerator ? chordSpelling(command.accelerator, platform) : undefined);
        const menu = template.find((m) => ((m.submenu ?? []) as MenuItemConstructorOptions[]).includes(item!));
        expect(menu?.label?.replace('&', '').toLowerCase()).toBe(command.menu.in);
      }
    }
  });

  it('orders a menu’s commands by section, in table order', () => {
    expect(menuSections('file').map((s) => s.map((c) => c.id))).toEqual([['new-note', 'new-case', 'switch-case'], ['import', 'export'], ['restore']]);
    expect(menuSections('help').map((s) => s.map((c) => c.id))).toEqual([['add-sample-case']]);
    expect(menuSections('view').map((s) => s.map((c) => c.id))).toEqual([
      ['search', 'find-in-source', 'command-palette'],
      ['toggle-sidebar', 'toggle-inspector', 'caret-browsing'],
      ['theme-light', 'theme-dark', 'theme-system'],
    ]);
  });
});

function chordSpelling(accelerator: string, platform: NodeJS.Platform): string {
  return platform === 'darwin' ? accelerator.replace('CmdOrCtrl', 'Cmd') : accelerator.replace('CmdOrCtrl', 'Ctrl');
}
