import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc/contract';
import { menuSections, type MenuName } from '../../shared/commands';
import { keyPlatformOf, menuAccelerator, parseAccelerator } from '../../shared/accelerator';

export interface MenuActions {
  /** A command the renderer carries out (sent as the `menu:command` event). */
  command(command: MenuCommand): void;
  openLogsFolder(): void;
  about(): void;
}

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Unpackaged: adds reload, force reload and the developer tools. */
  development: boolean;
  actions: MenuActions;
}

/**
 * The application menu, as a plain template (Menu.buildFromTemplate is the
 * only Electron call, in index.ts). Standard items use roles, so Electron
 * supplies their labels, accelerators and behaviour per platform.
 *
 * The Casebook items come from the command table (shared/commands.ts), with
 * the same keys the renderer's one key handler (renderer/app/use-commands.ts)
 * answers to, which stays the one place a key press is handled: on Windows
 * and Linux the accelerator is only shown (`registerAccelerator: false`), on
 * macOS the page sees the key first and the menu acts only on keys the page
 * left unhandled. Either way one key press is one action.
 */
export function buildMenuTemplate({ platform, appName, development, actions }: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  /** A menu's Casebook commands, its sections separated by lines. */
  const commands = (menu: MenuName): MenuItemConstructorOptions[] =>
    menuSections(menu).flatMap((section, i) => [
      ...(i > 0 ? [separator] : []),
      ...section.map(
        (command): MenuItemConstructorOptions => ({
          label: command.label,
          click: () => actions.command(command.id),
          ...(command.accelerator
            ? { accelerator: menuAccelerator(parseAccelerator(command.accelerator), keyPlatformOf(platform)), registerAccelerator: mac }
            : {}),
        }),
      ),
    ]);
  const about: MenuItemConstructorOptions = { label: `About ${appName}`, click: () => actions.about() };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: mac ? 'File' : '&File',
    submenu: [...commands('file'), separator, mac ? { role: 'close' } : { role: 'quit' }],
  };

  const edit: MenuItemConstructorOptions = {
    label: mac ? 'Edit' : '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'delete' },
      separator,
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: mac ? 'View' : '&View',
    submenu: [
      ...commands('view'),
      separator,
      ...(development
        ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator] as MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: mac ? 'Window' : '&Window',
    role: 'windowMenu',
    submenu: [
      { role: 'minimize' },
      // zoom and front are macOS actions; elsewhere the window closes from here.
      ...(mac ? ([{ role: 'zoom' }, separator, { role: 'front' }] as MenuItemConstructorOptions[]) : [{ role: 'close' } as MenuItemConstructorOptions]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: mac ? 'Help' : '&Help',
    role: 'help',
    submenu: [...commands('help'), separator, { label: 'Open logs folder', click: () => actions.openLogsFolder() }, ...(mac ? [] : [separator, about])],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
