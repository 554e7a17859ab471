import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/main/app-url';
import { createAppFileHandler, resolveAppFile } from '../../electron/main/app-files';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../electron/main/csp';
import { createDispatch } from '../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../electron/main/ipc/handlers';
import { decideNavigation, decideRedirect, decideWindowOpen } from '../../electron/main/navigation-policy';
import { decidePermission } from '../../electron/main/permission-policy';
import { secureSession, secureWebContents } from '../../electron/main/security';
import { mainWindowWebPreferences, printWindowWebPreferences } from '../../electron/main/web-preferences';
import { checkExternalUrl } from '../../electron/services/external-url';
import { apiName, CHANNELS, EVENT_CHANNELS } from '../../shared/ipc/channel-names';
import { FakeEvent, FakeWebContents } from './main/fake-electron';

/**
 * Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security,
 * the 20 numbered recommendations of the current page; the "17" is
 * the older count), one test per item, asserted against the app's real code:
 * the webPreferences `new BrowserWindow` receives (window.ts and
 * print-window.ts run here against a recording stand-in for 'electron'), the
 * CSP, the navigation, window-open and permission policies, openExternal's
 * check, the protocol handler, the preload's exposed surface and the IPC
 * dispatcher. Where the safe state is the *absence* of something (a webview,
 * a Blink feature), the test greps the source tree for it.
 */

// ---------------------------------------------------------------------------
// A recording stand-in for the parts of 'electron' that window.ts,
// print-window.ts, preload/index.ts and index.ts touch at import/call time.
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const privileged: unknown[] = [];
  const windows: FakeWindow[] = [];
  const exposed = new Map<string, unknown>();
  const invoked: [string, unknown][] = [];
  type Listener = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
  const sessions = new Map<string, FakeSession>();
  class FakeSession {
    beforeRequest: Listener | null = null;
    permissionRequest: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    constructor(readonly partition: string, readonly options: unknown) {}
    webRequest = {
      onBeforeRequest: (listener: Listener) => {
        this.beforeRequest = listener;
      },
    };
    setPermissionRequestHandler(handler: FakeSession['permissionRequest']) {
      this.permissionRequest = handler;
    }
  }
  class FakeWindow {
    loadedUrl: string | null = null;
    /** What the print session decided for requests made while this window loaded. */
    requestDecisions: Record<string, boolean> = {};
    webContents = {
      on: () => undefined,
      send: () => undefined,
      printToPDF: async () => new Uint8Array([37, 80, 68, 70]),
    };
    constructor(readonly options: { webPreferences?: { session?: FakeSession } } & Record<string, unknown>) {
      windows.push(this);
    }
    once() {}
    on() {}
    isDestroyed() {
      return false;
    }
    destroy() {}
    async loadURL(url: string) {
      this.loadedUrl = url;
      const session = this.options.webPreferences?.session;
      if (session?.beforeRequest) {
        for (const probe of [url, 'https://tracker.example/pixel.gif', 'file:///etc/passwd', 'data:text/html,x']) {
          session.beforeRequest({ url: probe }, ({ cancel }) => (this.requestDecisions[probe] = !cancel));
        }
      }
    }
  }
  const electron = {
    BrowserWindow: FakeWindow,
    session: {
      fromPartition: (partition: string, options: unknown) => {
        const session = new FakeSession(partition, options);
        sessions.set(partition, session);
        return session;
      },
    },
    app: {
      enableSandbox: () => calls.push('app.enableSandbox'),
      // A second instance: index.ts stops right after the process-wide setup, before `start()`.
      requestSingleInstanceLock: () => (calls.push('app.requestSingleInstanceLock'), false),
      quit: () => calls.push('app.quit'),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        calls.push('protocol.registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        invoked.push([channel, payload]);
        return { ok: true, value: null };
      },
      on: () => undefined,
      removeListener: () => undefined,
      send: () => undefined,
    },
    dialog: {},
    ipcMain: {},
    net: {},
    shell: {},
    utilityProcess: {},
  };
  return { electron, calls, privileged, windows, sessions, exposed, invoked };
});
vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** Every source file of the app (not tests, not node_modules): what ships. */
function appSources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.(ts|tsx|html|mjs|cjs|js)$/.test(entry.name)) {
        out.push({ path: relative(REPO, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const dir of ['electron', 'renderer', 'shared']) walk(join(REPO, dir));
  return out;
}
const SOURCES = appSources();
/** Files (and line numbers) whose code matches `pattern`, comments included. */
function occurrences(pattern: RegExp, sources = SOURCES): string[] {
  const hits: string[] = [];
  for (const { path, text } of sources) {
    text.split('\n').forEach((line, i) => {
      if (pattern.test(line)) hits.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return hits;
}
/** Source without comments, so a doc comment naming an option does not count as using it. */
const CODE = SOURCES.map(({ path, text }) => ({
  path,
  text: text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
}));

async function openMainWindow() {
  const { createMainWindow } = await import('../../electron/main/window');
  const before = fake.windows.length;
  createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false, reportError: () => undefined });
  return fake.windows[before]!;
}

async function printOnce() {
  const { createElectronPrinter } = await import('../../electron/main/print-window');
  const before = fake.windows.length;
  const print = createElectronPrinter();
  const bytes = await print('<!doctype html><p>briefing</p>', {} as never);
  return { window: fake.windows[before]!, bytes, session: fake.sessions.get('casebook-print')! };
}

const MAIN_PREFS = mainWindowWebPreferences({ preloadPath: '/p.cjs', devTools: false });
const PRINT_PREFS = printWindowWebPreferences({} as never);
const ALL_PREFS = { main: MAIN_PREFS, print: PRINT_PREFS };

function dispatchDeps(): HandlerDeps & { sideEffects: string[] } {
  const sideEffects: string[] = [];
  const record = (name: string) => () => {
    sideEffects.push(name);
    throw new Error(`${name} must not run`);
  };
  return {
    sideEffects,
    appInfo: () => ({ name: 'Casebook', version: '0', platform: 'linux', dataDir: '/nowhere' }),
    openExternal: async (url) => void sideEffects.push(`openExternal ${url}`),
    log: { append: async () => void sideEffects.push('log') } as never,
    readyToClose: () => void sideEffects.push('readyToClose'),
    chooseFiles: async () => (sideEffects.push('chooseFiles'), []),
    importer: { run: record('import') } as never,
    originals: { putFile: record('putFile'), putBytes: record('putBytes'), has: record('has'), pathFor: record('pathFor') } as never,
    chooseSavePath: async () => (sideEffects.push('chooseSavePath'), null),
    printBriefing: record('printBriefing'),
    writeFileAtomic: record('writeFileAtomic'),
    chooseBackupFile: async () => (sideEffects.push('chooseBackupFile'), null),
    openPath: async () => (sideEffects.push('openPath'), ''),
    showItemInFolder: () => void sideEffects.push('showItemInFolder'),
  };
}

beforeEach(() => {
  fake.invoked.length = 0;
});

describe("Electron's security checklist", () => {
  it('1. Only load secure content: the app loads only casebook:// (a secure, privileged scheme) and the CSP allows no http(s) source', async () => {
    const window = await openMainWindow();
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(APP_ENTRY_URL.startsWith('casebook://app/')).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
    // The print window may load its own file and nothing else.
    const { window: printer, session } = await printOnce();
    expect(session.options).toEqual({ cache: false });
    const [own, ...others] = Object.entries(printer.requestDecisions);
    expect(own).toEqual([printer.loadedUrl, true]);
    expect(others.map(([, allowed]) => allowed)).toEqual([false, false, false]);
  });

  it('2. Do not enable Node.js integration for remote content: off in every window, workers and subframes included', async () => {
    const window = await openMainWindow();
    expect(window.options.webPreferences).toEqual(mainWindowWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false }));
    for (const prefs of Object.values(ALL_PREFS)) {
      expect(prefs).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
    }
    expect(occurrences(/nodeIntegration\w*\s*:\s*true/, CODE)).toEqual([]);
  });

  it('3. Enable context isolation in every window', async () => {
    for (const prefs of Object.values(ALL_PREFS)) expect(prefs.contextIsolation).toBe(true);
    expect(occurrences(/contextIsolation\s*:\s*false/, CODE)).toEqual([]);
  });

  it('4. Enable process sandboxing: sandbox in every window and app.enableSandbox() before ready (index.ts loaded against the stand-in)', async () => {
    for (const prefs of Object.values(ALL_PREFS)) expect(prefs.sandbox).toBe(true);
    expect(occurrences(/sandbox\s*:\s*false/, CODE)).toEqual([]);
    // Loads electron/main/index.ts itself: as a second instance it runs only the
    // process-wide setup (scheme, sandbox, lock) and quits, which is what we check.
    fake.calls.length = 0;
    await import('../../electron/main/index');
    expect(fake.calls).toEqual([
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
      'app.quit',
    ]);
    // No CORS privilege on our scheme, and no bypassCSP.
    expect(fake.privileged).toEqual([
      { scheme: 'casebook', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('5. Handle session permission requests: everything refused but two harmless grants to the app itself; the print session refuses all', async () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    secureSession({
      webRequest: { onHeadersReceived: (fn: never) => (handlers.headers = fn) },
      setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
      setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
      setDevicePermissionHandler: (fn: never) => (handlers.device = fn),
    } as never);
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      (handlers.request as (...a: unknown[]) => void)(null, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'pointerLock', 'hid', 'serial', 'usb', 'midiSysex', 'display-capture', 'window-management', 'unknown']) {
      expect(request(permission, 'casebook://app/index.html'), permission).toBe(false);
      expect((handlers.check as (...a: unknown[]) => boolean)(null, permission, 'casebook://app'), permission).toBe(false);
    }
    expect(request('persistent-storage', 'casebook://app/index.html')).toBe(true);
    expect(request('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(request('clipboard-sanitized-write', 'file:///tmp/x.html')).toBe(false);
    expect(decidePermission('persistent-storage', 'casebook://app.evil.example/')).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);

    const { session } = await printOnce();
    let granted: boolean | undefined;
    session.permissionRequest!(null, 'persistent-storage', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('6. Do not disable webSecurity', () => {
    for (const prefs of Object.values(ALL_PREFS)) expect(prefs.webSecurity).toBe(true);
    expect(occurrences(/webSecurity\s*:\s*false|disable-web-security/, CODE)).toEqual([]);
  });

  it('7. Define a Content Security Policy: strict, sent as a header by the protocol handler and repeated in index.html', async () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    // Nothing anywhere may run inline or eval'd script, or reach the network.
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|strict-dynamic|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    // A server's own policy never survives beside ours.
    expect(withContentSecurityPolicy({ 'content-security-policy': ['script-src *'] })).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    // The protocol handler stamps it on every response, even a 404.
    const handler = createAppFileHandler({ rootDir: '/nonexistent', fetchFile: async () => new Response(''), isFile: async () => false });
    expect((await handler(new Request('casebook://app/missing.js'))).headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    // The meta copy in index.html says the same minus frame-ancestors (ignored in <meta>).
    const html = readFileSync(join(REPO, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('8. Do not enable allowRunningInsecureContent', () => {
    for (const prefs of Object.values(ALL_PREFS)) expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(occurrences(/allowRunningInsecureContent\s*:\s*true/, CODE)).toEqual([]);
  });

  it('9. Do not enable experimental features', () => {
    for (const prefs of Object.values(ALL_PREFS)) expect(prefs.experimentalFeatures).toBe(false);
    expect(occurrences(/experimentalFeatures\s*:\s*true|enable-experimental-web-platform-features/, CODE)).toEqual([]);
  });

  it('10. Do not use enableBlinkFeatures (nor command-line switches that loosen Chromium)', () => {
    for (const prefs of Object.values(ALL_PREFS)) {
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('disableBlinkFeatures');
    }
    expect(occurrences(/enableBlinkFeatures|blinkfeatures|appendSwitch|appendArgument/i, CODE)).toEqual([]);
  });

  it('11. <webview>: do not use allowpopups — the app has no <webview> at all (webviewTag off, attach refused)', () => {
    for (const prefs of Object.values(ALL_PREFS)) expect(prefs.webviewTag).toBe(false);
    expect(occurrences(/<webview|allowpopups|webviewTag\s*:\s*true/i, CODE)).toEqual([]);
  });

  it('12. <webview>: verify options and params — every will-attach-webview is refused', () => {
    const contents = new FakeWebContents();
    secureWebContents(contents as never, () => undefined);
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('13. Disable or limit navigation: frames stay in the app; safe main-frame links go to the system browser; redirects out are refused', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    secureWebContents(contents as never, (url) => opened.push(url));
    const navigate = (url: string, isMainFrame = true) => {
      const event = new FakeEvent({ url, isMainFrame });
      contents.emit('will-frame-navigate', event);
      return event.defaultPrevented ? 'denied' : 'allowed';
    };
    expect(navigate('casebook://app/index.html#/case/1')).toBe('allowed');
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'casebook://other/index.html', 'casebook://user:pw@app/index.html', 'about:blank', 'chrome://settings', 'devtools://devtools/bundled/inspector.html']) {
      expect(navigate(url), url).toBe('denied');
      expect(navigate(url, false), `${url} in a subframe`).toBe('denied');
    }
    expect(opened).toEqual(['https://evil.example/']); // main frame only, never from a subframe, never this computer or the local network
    const redirect = new FakeEvent({ url: 'https://evil.example/' });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    expect(decideRedirect('casebook://app/index.html')).toBe(true);
    expect(decideNavigation('javascript:alert(1)', true)).toEqual({ allow: false, openExternally: null });
  });

  it('14. Disable or limit creation of new windows: every window.open / target=_blank is denied', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    secureWebContents(contents as never, (url) => opened.push(url));
    for (const url of ['casebook://app/index.html', 'https://example.org/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', 'smb://host/share']) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.org/']);
    expect(decideWindowOpen('data:text/html,x')).toEqual({ action: 'deny', openExternally: null });
  });

  it('15. Do not use shell.openExternal with untrusted content: only parsed http(s)/mailto, and only through the check', async () => {
    for (const url of [
      'file:///etc/passwd', 'file://server/share/x.exe', 'FILE:///C:/Windows/System32/calc.exe',
      'smb://attacker.example/share/payload.exe', '\\\\attacker.example\\share\\x.exe',
      'ms-msdt:/id PCWDiagnostic', 'search-ms:query=x', 'vscode://file/x', 'zoommtg://x', 'steam://run/1', 'casebook://app/index.html',
      'javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox', 'about:blank',
      'https://user:pw@example.org/', 'http://', '', 'not a url',
    ]) {
      expect(checkExternalUrl(url).ok, url).toBe(false);
    }
    expect(checkExternalUrl('https://example.org/a b')).toEqual({ ok: true, url: 'https://example.org/a%20b' });
    expect(checkExternalUrl('mailto:desk@example.org').ok).toBe(true);

    const deps = dispatchDeps();
    const dispatch = createDispatch(createHandlers(deps), { trustedOrigins: ['casebook://app'] });
    for (const url of ['file:///etc/passwd', 'smb://h/s', 'ms-msdt:/id x', 'javascript:alert(1)', 'data:text/html,x']) {
      expect(await dispatch('shell:open-external', { url }, { senderUrl: APP_ENTRY_URL })).toMatchObject({ ok: false, error: { code: 'forbidden-url' } });
    }
    expect(deps.sideEffects).toEqual([]);
    // shell.openExternal is called in exactly two places, both in index.ts, both fed only
    // checked URLs: the IPC handler's dep (after checkExternalUrl) and security.ts's
    // navigation/window-open decisions (which come from checkExternalUrl).
    expect(occurrences(/shell\.openExternal\(/, CODE).map((h) => h.split(':')[0])).toEqual(['electron/main/index.ts', 'electron/main/index.ts']);
    expect(occurrences(/\bopenExternal\(/, CODE.filter((s) => s.path.startsWith('electron/main/'))).map((h) => h.replace(/^[^:]+:\d+: /, ''))).toEqual(
      expect.arrayContaining(['if (decision.openExternally) openExternal(decision.openExternally);']),
    );
  });

  it('16. Use a current version of Electron (a floor: the installed major is the declared one, 45 or later)', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const declared = Number(/\d+/.exec(pkg.devDependencies.electron!)![0]);
    const installed = (JSON.parse(readFileSync(join(REPO, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    expect(declared).toBeGreaterThanOrEqual(45);
    expect(Number(installed.split('.')[0])).toBe(declared);
  });

  it('17. Validate the sender of all IPC messages: every channel refuses a frame that is not the app, before validating or handling', async () => {
    const deps = dispatchDeps();
    const dispatch = createDispatch(createHandlers(deps), { trustedOrigins: ['casebook://app'] });
    for (const channel of CHANNELS) {
      for (const senderUrl of [undefined, '', 'https://evil.example/', 'file:///tmp/x.html', 'casebook://evil/index.html', 'about:blank', 'null']) {
        expect(await dispatch(channel, undefined, { senderUrl }), `${channel} from ${senderUrl}`).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      }
    }
    expect(deps.sideEffects).toEqual([]);
  });

  it('18. Avoid file:// and prefer a custom protocol: the app is served over casebook://, confined to its folder', () => {
    const root = '/opt/casebook/dist/renderer';
    expect(resolveAppFile(root, 'casebook://app/assets/app.js')).toBe('/opt/casebook/dist/renderer/assets/app.js');
    for (const url of ['casebook://app/../../etc/passwd', 'casebook://app/..%2f..%2fetc%2fpasswd', 'casebook://app/%2e%2e/%2e%2e/secret', 'casebook://app/a%00.js', 'casebook://app/..%5c..%5csecret', 'casebook://other/index.html', 'file:///etc/passwd']) {
      const resolved = resolveAppFile(root, url);
      expect(resolved === null || resolved.startsWith(`${root}/`), url).toBe(true);
    }
    // The only file:// load is the print window's own temporary file, with JavaScript off and every other request cancelled (item 1).
    expect(occurrences(/\.loadURL\(|\.loadFile\(/, CODE).map((h) => h.split(':')[0]).sort()).toEqual(['electron/main/print-window.ts', 'electron/main/window.ts']);
    expect(PRINT_PREFS.javascript).toBe(false);
  });

  it('19. Check which fuses you can change: the packaged binary has Node-as-app, Node options and the inspector off, asar-only loading with integrity checks on', async () => {
    const require = createRequire(import.meta.url);
    const config = require('../../electron-builder.config.cjs') as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('20. Do not expose Electron APIs to untrusted web content: the preload exposes one function per contract channel, nothing else', async () => {
    await import('../../electron/preload/index');
    expect([...fake.exposed.keys()]).toEqual(['casebook']);
    const api = fake.exposed.get('casebook') as Record<string, unknown>;
    const expected = [
      ...CHANNELS.map(apiName),
      ...EVENT_CHANNELS.map((c) => `on${apiName(c)[0]!.toUpperCase()}${apiName(c).slice(1)}`),
    ];
    expect(Object.keys(api).sort()).toEqual(expected.sort());
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
      expect(Object.values(fake.electron.ipcRenderer)).not.toContain(value);
    }
    // Each function forwards exactly its own channel; the renderer cannot name another.
    await (api.shellOpenExternal as (p: unknown) => Promise<unknown>)({ url: 'https://example.org/' });
    await (api.appGetInfo as (p: unknown) => Promise<unknown>)('log:write');
    expect(fake.invoked).toEqual([['shell:open-external', { url: 'https://example.org/' }], ['app:get-info', 'log:write']]);
    // And no code hands a raw ipcRenderer, require or process across the bridge.
    expect(occurrences(/exposeInMainWorld/, CODE).length).toBe(1);
    expect(occurrences(/enableRemoteModule|@electron\/remote|\.remote\b/, CODE)).toEqual([]);
  });
});
