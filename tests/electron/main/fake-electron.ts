import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { basename, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * A recording stand-in for the parts of the 'electron' module that main uses,
 * so the real main bundle can be loaded in Node (the Electron binary can't be
 * installed here). It checks our wiring, not Electron's behaviour.
 */

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault() {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  destroyed = false;
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
}

export function createFakeElectron(options: { userData: string; singleInstanceLock?: boolean }) {
  const calls: string[] = [];
  /** What the next open dialogs return, one list per dialog; an empty queue is a cancel. */
  const dialogPicks: string[][] = [];
  const windows: FakeBrowserWindow[] = [];
  const app = new (class extends EventEmitter {
    isPackaged = false;
    ready = false;
    private readyResolve!: () => void;
    private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
    enableSandbox() {
      calls.push(this.ready ? 'app.enableSandbox after ready' : 'app.enableSandbox');
    }
    requestSingleInstanceLock() {
      calls.push('app.requestSingleInstanceLock');
      return options.singleInstanceLock ?? true;
    }
    quit() {
      calls.push('app.quit');
    }
    exit(code: number) {
      calls.push(`app.exit ${code}`);
    }
    getPath(name: string) {
      if (name === 'temp') return join(options.userData, 'temp');
      if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
      return options.userData;
    }
    getName() {
      return 'Casebook';
    }
    getVersion() {
      return '0.1.0';
    }
    setAppUserModelId(id: string) {
      calls.push(`app.setAppUserModelId ${id}`);
    }
    isReady() {
      return this.ready;
    }
    whenReady() {
      calls.push('app.whenReady');
      return this.readyPromise;
    }
    /** Test control: fire `ready`. */
    becomeReady() {
      this.ready = true;
      calls.push('ready');
      this.readyResolve();
    }
  })();

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows() {
      return windows.filter((w) => !w.destroyed);
    }
    webContents = new FakeWebContents();
    destroyed = false;
    shown = false;
    loadedUrl: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      calls.push('new BrowserWindow');
      // Electron emits this for every WebContents, the window's included.
      app.emit('web-contents-created', new FakeEvent(), this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return this.maximized;
    }
    isFullScreen() {
      return false;
    }
    maximized = false;
    maximize() {
      this.maximized = true;
    }
    getNormalBounds() {
      const o = this.options as { x?: number; y?: number; width: number; height: number };
      return { x: o.x ?? 240, y: o.y ?? 90, width: o.width, height: o.height };
    }
    restore() {}
    focus() {
      calls.push('window.focus');
    }
    close() {
      calls.push('window.close');
      const event = new FakeEvent();
      this.emit('close', event);
      if (!event.defaultPrevented) this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      calls.push('window.destroy');
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const ipcHandlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  type HeadersListener = (details: unknown, callback: (response: unknown) => void) => void;
  type PermissionCheck = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  type PermissionRequest = (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: unknown,
  ) => void;
  type DevicePermission = (details: unknown) => boolean;
  const session: {
    headersListener: HeadersListener | null;
    permissionCheck: PermissionCheck | null;
    permissionRequest: PermissionRequest | null;
    devicePermission: DevicePermission | null;
    webRequest: { onHeadersReceived(listener: HeadersListener): void };
    setPermissionCheckHandler(handler: PermissionCheck): void;
    setPermissionRequestHandler(handler: PermissionRequest): void;
    setDevicePermissionHandler(handler: DevicePermission): void;
  } = {
    headersListener: null,
    permissionCheck: null,
    permissionRequest: null,
    devicePermission: null,
    webRequest: {
      onHeadersReceived(listener) {
        session.headersListener = listener;
      },
    },
    setPermissionCheckHandler(handler) {
      session.permissionCheck = handler;
    },
    setPermissionRequestHandler(handler) {
      session.permissionRequest = handler;
    },
    setDevicePermissionHandler(handler) {
      session.devicePermission = handler;
    },
  };
  const opened: string[] = [];
  const openedPaths: string[] = [];
  const shownInFolder: string[] = [];
  const privileged: unknown[] = [];
  /** The template of the last application menu set. */
  const menu: { template: unknown[] | null } = { template: null };

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle(channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      },
    },
    net: {
      // Reads file:// URLs as net.fetch does; anything else is a wiring bug.
      async fetch(url: string) {
        if (!url.startsWith('file://')) throw new Error(`net.fetch of ${url}`);
        return new Response(await readFile(fileURLToPath(url)));
      },
    },
    protocol: {
      registerSchemesAsPrivileged(schemes: unknown[]) {
        calls.push(app.ready ? 'registerSchemesAsPrivileged after ready' : 'registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
      handle(scheme: string, handler: (request: Request) => Promise<Response>) {
        calls.push(`protocol.handle ${scheme}`);
        protocolHandlers.set(scheme, handler);
      },
    },
    session: { defaultSession: session },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu(built: { template: unknown[] } | null) {
        menu.template = built?.template ?? null;
      },
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    dialog: {
      async showOpenDialog(...args: unknown[]) {
        const opts = args.at(-1) as { properties?: string[] };
        calls.push(`dialog.showOpenDialog ${(opts.properties ?? []).join(',')}`);
        const picks = dialogPicks.shift();
        return picks ? { canceled: false, filePaths: picks } : { canceled: true, filePaths: [] };
      },
    },
    // A real process with utilityProcess's surface: the import worker runs for real.
    utilityProcess: {
      fork(script: string, args: string[], opts: { serviceName?: string; execArgv?: string[] }) {
        calls.push(`utilityProcess.fork ${basename(script)} ${opts.serviceName ?? ''}`);
        const child = fork(script, args, { serialization: 'advanced', execArgv: opts.execArgv ?? [], stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
        return {
          postMessage: (message: unknown) => child.send(message as object),
          on(event: 'message' | 'exit', listener: (value: unknown) => void) {
            if (event === 'message') child.on('message', listener);
            else child.on('exit', (code) => listener(code));
          },
          kill: () => child.kill('SIGKILL'),
        };
      },
    },
    shell: {
      async openExternal(url: string) {
        opened.push(url);
      },
      async openPath(path: string) {
        openedPaths.push(path);
        return '';
      },
      showItemInFolder(path: string) {
        shownInFolder.push(path);
      },
    },
  };

  return { electron, calls, windows, ipcHandlers, protocolHandlers, session, opened, openedPaths, shownInFolder, privileged, app, dialogPicks, menu };
}
export type FakeElectron = ReturnType<typeof createFakeElectron>;
