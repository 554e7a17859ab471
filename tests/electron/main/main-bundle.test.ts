import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { CHANNELS } from '../../../shared/ipc/channel-names';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { createFakeElectron, FakeEvent, type FakeElectron } from './fake-electron';
import { encodeBackup } from '../../../shared/export/backup';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';

/**
 * Loads the real dist bundle (built by scripts/build-electron.mjs) with the
 * fake 'electron' module in place of the real one, and drives it the way
 * Electron would: before ready, ready, IPC, protocol requests, close.
 */

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'casebook-main-'));
  await buildElectron({ outDir: join(base, 'dist', 'electron') });
  await mkdir(join(base, 'dist', 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Casebook</title>');
  await writeFile(join(base, 'dist', 'renderer', 'assets', 'app.js'), 'export {}');
  await writeFile(join(base, 'secret.txt'), 'not for the renderer');
  // The bundle's require('electron') resolves here and picks up the fake of the moment.
  await mkdir(join(base, 'node_modules', 'electron'), { recursive: true });
  await writeFile(
    join(base, 'node_modules', 'electron', 'index.js'),
    'module.exports = globalThis.__casebookFakeElectron;',
  );
  // The import worker's packages stay external, as in the app: link the real ones beside it.
  const repoModules = fileURLToPath(new URL('../../../node_modules', import.meta.url));
  for (const name of await readdir(repoModules)) {
    if (name === 'electron' || name.startsWith('.')) continue;
    await symlink(join(repoModules, name), join(base, 'node_modules', name), 'dir');
  }
}, 60_000);
afterAll(async () => {
  delete (globalThis as { __casebookFakeElectron?: unknown }).__casebookFakeElectron;
  await rm(base, { recursive: true, force: true });
});

/** Runs the main bundle once against a fresh fake. */
async function loadMain(options: { singleInstanceLock?: boolean } = {}): Promise<FakeElectron & { userData: string }> {
  const userData = await mkdtemp(join(base, 'userData-'));
  const fake = createFakeElectron({ userData, ...options });
  (globalThis as { __casebookFakeElectron?: unknown }).__casebookFakeElectron = fake.electron;
  const require = createRequire(join(base, 'dist', 'electron', 'loader.cjs'));
  const bundle = require.resolve('./main.cjs');
  // Both are module-cached: drop them so this run gets its own app and fake.
  delete require.cache[bundle];
  delete require.cache[require.resolve('electron')];
  require(bundle);
  return { ...fake, userData };
}

async function ready(fake: FakeElectron) {
  fake.app.becomeReady();
  // Let the whenReady continuation run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

const APP_FRAME = { senderFrame: { url: 'casebook://app/index.html' } };

describe('main bundle', () => {
  it('registers the privileged scheme before ready, with persistent-storage privileges and no CORS', async () => {
    const fake = await loadMain();
    expect(fake.calls.slice(0, 4)).toEqual([
      'registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
      'app.whenReady',
    ]);
    expect(fake.privileged).toEqual([
      {
        scheme: 'casebook',
        privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
      },
    ]);
    expect(fake.windows).toHaveLength(0);
  });

  it('a second instance quits at once and does nothing else', async () => {
    const fake = await loadMain({ singleInstanceLock: false });
    expect(fake.calls).toEqual([
      'registerSchemesAsPrivileged',
      'app.enableSandbox',
      'app.requestSingleInstanceLock',
      'app.quit',
    ]);
  });

  it('on ready: secures the session, serves the protocol, handles every channel, opens the hardened window', async () => {
    const fake = await loadMain();
    await ready(fake);
    expect(fake.calls).toContain('protocol.handle casebook');
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(fake.session.headersListener).toBeTypeOf('function');
    expect(fake.session.permissionCheck).toBeTypeOf('function');
    expect(fake.session.permissionRequest).toBeTypeOf('function');

    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.loadedUrl).toBe('casebook://app/index.html');
    expect(window.options).toMatchObject({
      title: 'Casebook',
      width: 1440,
      height: 900,
      minWidth: 960,
      minHeight: 600,
      show: false,
      webPreferences: {
        preload: join(base, 'dist', 'electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false,
        spellcheck: true,
      },
    });
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('IPC goes through the sender check and the real handlers', async () => {
    const fake = await loadMain();
    await ready(fake);
    const getInfo = fake.ipcHandlers.get('app:get-info')!;
    expect(await getInfo(APP_FRAME, undefined)).toEqual({
      ok: true,
      value: { name: 'Casebook', version: '0.1.0', platform: process.platform, dataDir: fake.userData },
    });
    expect(await getInfo({ senderFrame: null }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    expect(await getInfo({ senderFrame: { url: 'file:///tmp/x.html' } }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });

    const logWrite = fake.ipcHandlers.get('log:write')!;
    expect(await logWrite(APP_FRAME, { level: 'info', message: 'hello from the renderer' })).toEqual({
      ok: true,
      value: null,
    });
    const log = await readFile(join(fake.userData, 'logs', 'casebook.log'), 'utf8');
    expect(log).toContain('"message":"hello from the renderer"');

    const open = fake.ipcHandlers.get('shell:open-external')!;
    expect(await open(APP_FRAME, { url: 'ms-msdt:/id x' })).toMatchObject({ ok: false, error: { code: 'forbidden-url' } });
    expect(await open(APP_FRAME, { url: 'https://example.org/' })).toEqual({ ok: true, value: null });
    expect(fake.opened).toEqual(['https://example.org/']);
  });

  it('imports through the dialog and the isolated import process, keeping the original', async () => {
    const fake = await loadMain();
    await ready(fake);
    const file = join(fake.userData, 'tip.txt');
    await writeFile(file, 'A tip about a shipment from Wuhan.\n');
    fake.dialogPicks.push([file]);
    const choose = fake.ipcHandlers.get('import:choose-files')!;
    expect(await choose(APP_FRAME, undefined)).toEqual({ ok: true, value: { paths: [file] } });
    expect(fake.calls).toContain('dialog.showOpenDialog openFile,multiSelections');
    expect(await choose(APP_FRAME, undefined)).toEqual({ ok: true, value: { paths: [] } });

    const sent: [string, unknown][] = [];
    const event = { ...APP_FRAME, sender: { isDestroyed: () => false, send: (c: string, p: unknown) => sent.push([c, p]) } };
    const result = (await fake.ipcHandlers.get('import:file')!(event, { requestId: 'job-1', path: file })) as { ok: boolean; value: { text: string; sha256: string; format: string } };
    expect(result).toMatchObject({ ok: true, value: { format: 'text', text: 'A tip about a shipment from Wuhan.' } });
    expect(fake.calls.some((c) => c.startsWith('utilityProcess.fork import-worker.mjs Casebook importer'))).toBe(true);
    const sha = result.value.sha256;
    expect(await readFile(join(fake.userData, 'originals', sha.slice(0, 2), sha), 'utf8')).toBe('A tip about a shipment from Wuhan.\n');
    expect(sent.every(([c]) => c === 'import:progress')).toBe(true);
  });

  it('serves dist/renderer over casebook:// with the CSP header, and nothing outside it', async () => {
    const fake = await loadMain();
    await ready(fake);
    const handle = fake.protocolHandlers.get('casebook')!;
    const index = await handle(new Request('casebook://app/index.html'));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Casebook</title>');
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const script = await handle(new Request('casebook://app/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handle(new Request('casebook://app/..%2f..%2fsecret.txt'))).status).toBe(404);
  });

  it('applies the session rules: CSP on http(s) responses, permissions', async () => {
    const fake = await loadMain();
    await ready(fake);
    let headers: unknown;
    fake.session.headersListener!({ responseHeaders: { 'content-security-policy': ['script-src *'] } }, (r) => {
      headers = r;
    });
    expect(headers).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });

    expect(fake.session.permissionCheck!(null, 'persistent-storage', 'casebook://app', {})).toBe(true);
    expect(fake.session.permissionCheck!(null, 'geolocation', 'casebook://app', {})).toBe(false);
    const granted: boolean[] = [];
    fake.session.permissionRequest!(null, 'persistent-storage', (g) => granted.push(g), {
      requestingUrl: 'casebook://app/index.html',
    });
    fake.session.permissionRequest!(null, 'media', (g) => granted.push(g), {
      requestingUrl: 'casebook://app/index.html',
    });
    expect(granted).toEqual([true, false]);
    expect(fake.session.devicePermission!({})).toBe(false);
  });

  it('every WebContents is kept inside the app', async () => {
    const fake = await loadMain();
    await ready(fake);
    const contents = fake.windows[0]!.webContents;

    expect(contents.windowOpenHandler!({ url: 'https://example.org/a' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });

    const away = new FakeEvent({ url: 'https://example.org/b', isMainFrame: true });
    contents.emit('will-frame-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const inside = new FakeEvent({ url: 'casebook://app/index.html', isMainFrame: true });
    contents.emit('will-frame-navigate', inside);
    expect(inside.defaultPrevented).toBe(false);
    const redirect = new FakeEvent({ url: 'https://example.org/c', isMainFrame: true });
    contents.emit('will-redirect', redirect);
    expect(redirect.defaultPrevented).toBe(true);
    const webview = new FakeEvent();
    contents.emit('will-attach-webview', webview, {});
    expect(webview.defaultPrevented).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.opened).toEqual(['https://example.org/a', 'https://example.org/b']);
  });

  it('closing asks the renderer to flush and closes when it answers', async () => {
    const fake = await loadMain();
    await ready(fake);
    const window = fake.windows[0]!;
    window.webContents.emit('did-finish-load');

    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.webContents.sent).toEqual([['app:before-close', null]]);

    const readyToClose = fake.ipcHandlers.get('window:ready-to-close')!;
    expect(await readyToClose(APP_FRAME, undefined)).toEqual({ ok: true, value: null });
    expect(window.destroyed).toBe(true);
    // Linux/Windows: the last window closing ends the app.
    fake.app.emit('window-all-closed');
    expect(fake.calls.at(-1)).toBe(process.platform === 'darwin' ? 'window.destroy' : 'app.quit');
  });

  it('a renderer that never answers does not keep the window open past 3 s', async () => {
    const fake = await loadMain();
    await ready(fake);
    const window = fake.windows[0]!;
    window.webContents.emit('did-finish-load');
    vi.useFakeTimers();
    try {
      window.close();
      vi.advanceTimersByTime(2900);
      expect(window.destroyed).toBe(false);
      vi.advanceTimersByTime(100);
      expect(window.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a quit that waited for the handshake is carried on once the window has closed', async () => {
    const fake = await loadMain();
    await ready(fake);
    const window = fake.windows[0]!;
    window.webContents.emit('did-finish-load');
    fake.app.emit('before-quit');
    window.close();
    await fake.ipcHandlers.get('window:ready-to-close')!(APP_FRAME, undefined);
    expect(fake.calls.slice(-3)).toEqual(['window.close', 'window.destroy', 'app.quit']);
  });

  it('a second launch focuses the existing window', async () => {
    const fake = await loadMain();
    await ready(fake);
    fake.app.emit('second-instance');
    expect(fake.calls.at(-1)).toBe('window.focus');
  });

  it("a .casebook opened with the app (argv, macOS open-file, a second launch) is offered to the page, and only those paths restore without the dialog", async () => {
    const backup = await encodeBackup(minimalSnapshot(), new Map(), { appVersion: '0.1.0' });
    const first = join(base, 'Port case.casebook');
    const early = join(base, 'Early.casebook');
    const third = join(base, 'Third.casebook');
    for (const path of [first, early, third]) await writeFile(path, backup);
    const argv = process.argv;
    process.argv = ['/opt/Casebook/casebook', '--no-sandbox', first];
    let fake: Awaited<ReturnType<typeof loadMain>>;
    try {
      fake = await loadMain();
    } finally {
      process.argv = argv;
    }
    // macOS hands the file over before ready.
    const openFile = new FakeEvent();
    fake.app.emit('open-file', openFile, early);
    expect(openFile.defaultPrevented).toBe(true);
    await ready(fake);

    const sent: [string, unknown][] = [];
    const page = { ...APP_FRAME, sender: { isDestroyed: () => false, send: (c: string, p: unknown) => sent.push([c, p]) } };
    expect(await fake.ipcHandlers.get('backup:take-open-requests')!(page, undefined)).toEqual({
      ok: true,
      value: { requests: [{ path: first, fileName: 'Port case.casebook' }, { path: early, fileName: 'Early.casebook' }] },
    });
    // A second launch with a file: the running page is told at once.
    fake.app.emit('second-instance', new FakeEvent(), ['/opt/Casebook/casebook', 'Third.casebook'], base);
    expect(sent).toEqual([['backup:open-requested', { path: third, fileName: 'Third.casebook' }]]);

    const restore = fake.ipcHandlers.get('backup:restore')!;
    expect(await restore(APP_FRAME, { path: third })).toMatchObject({ ok: true, value: { restored: true, fileName: 'Third.casebook', snapshot: { case: { title: 'Port case' } } } });
    expect(await restore(APP_FRAME, { path: join(base, 'secret.txt') })).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    expect(fake.calls.some((c) => c.startsWith('dialog.showOpenDialog'))).toBe(false);
  });

  it("opens a source's original in the system app, and shows it in its folder, through shell", async () => {
    const fake = await loadMain();
    await ready(fake);
    const bytes = new TextEncoder().encode('A tip about a shipment.\n');
    const sha = createHash('sha256').update(bytes).digest('hex');
    await mkdir(join(fake.userData, 'originals', sha.slice(0, 2)), { recursive: true });
    await writeFile(join(fake.userData, 'originals', sha.slice(0, 2), sha), bytes);
    const copy = join(fake.userData, 'temp', 'Casebook originals', sha, 'tip.txt');
    expect(await fake.ipcHandlers.get('source:open-original')!(APP_FRAME, { sha256: sha, fileName: 'tip.txt' })).toEqual({ ok: true, value: null });
    expect(fake.openedPaths).toEqual([copy]);
    expect(await fake.ipcHandlers.get('source:show-in-folder')!(APP_FRAME, { sha256: sha, fileName: 'tip.txt' })).toEqual({ ok: true, value: null });
    expect(fake.shownInFolder).toEqual([copy]);
    expect(await readFile(copy, 'utf8')).toBe('A tip about a shipment.\n');
  });
});

/** The smallest case a backup can hold: the case and one note. */
function minimalSnapshot(): CaseSnapshot {
  const caseId = 'case-port';
  const now = 1_700_000_000_000;
  return {
    case: { id: caseId, title: 'Port case', summary: '', createdAt: now, updatedAt: now },
    notes: [{ id: 'note-1', caseId, title: 'Arrivals', content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Three containers.' }] }] }, text: 'Three containers.', createdAt: now, updatedAt: now }],
    sources: [],
    sourceBodies: [],
    entities: [],
    relations: [],
    mentions: [],
    citations: [],
    candidates: [],
  };
}
