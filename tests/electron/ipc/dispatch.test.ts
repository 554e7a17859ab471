import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatch, type Handlers } from '../../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc/handlers';
import { createLogFile } from '../../../electron/services/log-file';
import { createOriginalsStore } from '../../../electron/services/originals';
import { createIsolatedImporter } from '../../../electron/services/import/isolated';

const APP = 'casebook://app/index.html';
const trusted = { trustedOrigins: ['casebook://app'] };

let dir: string;
let deps: HandlerDeps;
let opened: string[];
let readyCalls: (string | undefined)[];
let openedPaths: string[];
let shownInFolder: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-dispatch-'));
  opened = [];
  readyCalls = [];
  openedPaths = [];
  shownInFolder = [];
  deps = {
    appInfo: () => ({ name: 'Casebook', version: '0.1.0', platform: 'linux', dataDir: dir }),
    openExternal: async (url) => {
      opened.push(url);
    },
    log: createLogFile(join(dir, 'logs', 'casebook.log'), () => new Date('2025-01-02T03:04:05.000Z')),
    readyToClose: (senderUrl) => {
      readyCalls.push(senderUrl);
    },
    chooseFiles: async () => [],
    // These tests never reach an import: every import call here must be refused earlier.
    importer: createIsolatedImporter({
      spawn: () => {
        throw new Error('no import expected in dispatch tests');
      },
    }),
    originals: createOriginalsStore(dir),
    chooseSavePath: async () => null,
    printBriefing: async () => {
      throw new Error('no printing expected');
    },
    writeFileAtomic: (path, bytes) => writeFile(path, bytes),
    chooseBackupFile: async () => null,
    backupsDir: join(dir, 'backups'),
    openPath: async (path) => {
      openedPaths.push(path);
      return '';
    },
    showItemInFolder: (path) => {
      shownInFolder.push(path);
    },
  };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sender check', () => {
  it.each([
    ['file:///home/user/evil.html'],
    ['https://casebook.example/'],
    ['http://localhost:5173/'],
    ['casebook://other/index.html'],
    ['not a url'],
    [''],
  ])('refuses %j before any handler runs', async (senderUrl) => {
    const appInfo = vi.fn(deps.appInfo);
    const dispatch = createDispatch(createHandlers({ ...deps, appInfo }), trusted);
    const result = await dispatch('app:get-info', undefined, { senderUrl });
    expect(result).toEqual({ ok: false, error: { code: 'untrusted-sender', message: expect.any(String) } });
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('refuses a message with no sender frame (undefined url)', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('app:get-info', undefined, { senderUrl: undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('untrusted-sender');
  });

  it('refuses before checking the channel, so an untrusted page learns nothing about channels', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('fs:read-anything', undefined, { senderUrl: 'https://evil.example/' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('untrusted-sender');
  });
});

describe('channel and payload checks', () => {
  it('reports an unknown channel', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('fs:delete-everything', {}, { senderUrl: APP });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-channel', message: 'There is no channel called fs:delete-everything.' },
    });
  });

  it('does not treat inherited object keys as channels', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    for (const channel of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      const result = await dispatch(channel, undefined, { senderUrl: APP });
      expect(result.ok ? 'ok' : result.error.code).toBe('unknown-channel');
    }
  });

  it('refuses extra keys and names them', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch(
      'shell:open-external',
      { url: 'https://example.org/', openWith: '/bin/sh' },
      { senderUrl: APP },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-payload');
    expect(result.error.message).toContain('shell:open-external');
    expect(result.error.message).toContain('openWith');
    expect(opened).toEqual([]);
  });

  it('refuses wrong types and says where', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('log:write', { level: 'info', message: 42 }, { senderUrl: APP });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-payload');
    expect(result.error.message).toMatch(/^Invalid request for log:write at message: .*string.*/i);
  });

  it('refuses a value outside an enum', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('log:write', { level: 'debug', message: 'x' }, { senderUrl: APP });
    expect(result.ok ? null : result.error.message).toMatch(/at level/);
  });

  it('refuses an oversize string and gives the limit', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('log:write', { level: 'info', message: 'x'.repeat(4001) }, { senderUrl: APP });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-payload');
    expect(result.error.message).toContain('at message');
    expect(result.error.message).toContain('4000');
  });

  it('refuses a payload on a channel that takes none', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('app:get-info', { sneaky: true }, { senderUrl: APP });
    expect(result.ok ? null : result.error.code).toBe('invalid-payload');
  });

  it('refuses a missing payload where one is required', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('shell:open-external', undefined, { senderUrl: APP });
    expect(result.ok ? null : result.error.code).toBe('invalid-payload');
  });
});

describe('handler failures', () => {
  it('turns a throw into an internal error and reports it', async () => {
    const onError = vi.fn();
    const boom = new Error('disk on fire');
    const handlers: Handlers = {
      ...createHandlers(deps),
      'app:get-info': () => {
        throw boom;
      },
    };
    const dispatch = createDispatch(handlers, { ...trusted, onError });
    const result = await dispatch('app:get-info', undefined, { senderUrl: APP });
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'app:get-info failed: disk on fire' } });
    expect(onError).toHaveBeenCalledWith('app:get-info', boom);
  });

  it('turns a rejected promise into an internal error', async () => {
    const dispatch = createDispatch(
      createHandlers({ ...deps, openExternal: () => Promise.reject(new Error('no browser')) }),
      trusted,
    );
    const result = await dispatch('shell:open-external', { url: 'https://example.org' }, { senderUrl: APP });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'shell:open-external failed: no browser' },
    });
  });

  it('reports a log write that fails as an io error', async () => {
    // A file where the logs folder should be makes mkdir fail for real.
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'blocker'), 'not a folder');
    const dispatch = createDispatch(
      createHandlers({ ...deps, log: createLogFile(join(dir, 'blocker', 'casebook.log')) }),
      trusted,
    );
    const result = await dispatch('log:write', { level: 'error', message: 'x' }, { senderUrl: APP });
    expect(result.ok ? null : result.error.code).toBe('io');
  });
});

describe('good calls through the real handlers', () => {
  it('app:get-info returns the app info', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    expect(await dispatch('app:get-info', undefined, { senderUrl: APP })).toEqual({
      ok: true,
      value: { name: 'Casebook', version: '0.1.0', platform: 'linux', dataDir: dir },
    });
  });

  it('log:write appends a JSON line to the log file on disk', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch(
      'log:write',
      { level: 'warn', message: 'quota low', detail: 'QuotaExceededError' },
      { senderUrl: APP },
    );
    expect(result).toEqual({ ok: true, value: null });
    const text = await readFile(join(dir, 'logs', 'casebook.log'), 'utf8');
    expect(text.split('\n').filter(Boolean).map((line) => JSON.parse(line))).toEqual([
      { time: '2025-01-02T03:04:05.000Z', level: 'warn', message: 'quota low', detail: 'QuotaExceededError' },
    ]);
  });

  it('shell:open-external opens the normalized URL of a safe link', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('shell:open-external', { url: '  HTTPS://Example.ORG/a b ' }, { senderUrl: APP });
    expect(result).toEqual({ ok: true, value: null });
    expect(opened).toEqual(['https://example.org/a%20b']);
  });

  it('shell:open-external refuses an unsafe link without opening anything', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const result = await dispatch('shell:open-external', { url: 'file:///etc/passwd' }, { senderUrl: APP });
    expect(result.ok ? null : result.error.code).toBe('forbidden-url');
    expect(opened).toEqual([]);
  });

  it('shell:open-external strips a mailto link to to/cc/subject/body and refuses the local network, whatever the renderer asked', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const mail = await dispatch('shell:open-external', { url: 'mailto:tips@example.org?attach=/home/me/.ssh/id_rsa&subject=Tip&bcc=x@example.net' }, { senderUrl: APP });
    expect(mail).toEqual({ ok: true, value: null });
    for (const url of ['http://127.0.0.1:631/admin', 'http://192.168.1.1/', 'http://[::1]/', 'http://printer.local/', 'http://intranet/']) {
      const result = await dispatch('shell:open-external', { url }, { senderUrl: APP });
      expect(result.ok ? null : result.error.code, url).toBe('forbidden-url');
    }
    expect(opened).toEqual(['mailto:tips@example.org?subject=Tip']);
  });

  it('window:ready-to-close passes the sender on', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    expect(await dispatch('window:ready-to-close', undefined, { senderUrl: APP })).toEqual({ ok: true, value: null });
    expect(readyCalls).toEqual([APP]);
  });
});

describe("a source's original in the system's apps", () => {
  const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

  it('source:open-original opens a read-only copy named as imported, made from the kept original only', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nnot much of a pdf\n%%EOF\n');
    await deps.originals.putBytes(sha(bytes), bytes);
    const dispatch = createDispatch(createHandlers(deps), trusted);
    expect(await dispatch('source:open-original', { sha256: sha(bytes), fileName: 'Hearing transcript.pdf' }, { senderUrl: APP })).toEqual({ ok: true, value: null });
    expect(openedPaths).toEqual([join(dir, 'opened-originals', sha(bytes), 'Hearing transcript.pdf')]);
    expect(new Uint8Array(await readFile(openedPaths[0]!))).toEqual(bytes);
    expect((await stat(openedPaths[0]!)).mode & 0o222).toBe(0);
    expect(await dispatch('source:show-in-folder', { sha256: sha(bytes), fileName: 'Hearing transcript.pdf' }, { senderUrl: APP })).toEqual({ ok: true, value: null });
    expect(shownInFolder).toEqual(openedPaths);
  });

  it('the name only names: no path escapes the copies folder, and a text original never becomes a script', async () => {
    const bytes = new TextEncoder().encode('echo owned\r\n');
    await deps.originals.putBytes(sha(bytes), bytes);
    const dispatch = createDispatch(createHandlers(deps), trusted);
    for (const fileName of ['../../../evil.bat', 'C:\\Windows\\run.cmd', 'notes.desktop', 'CON.txt']) {
      expect(await dispatch('source:open-original', { sha256: sha(bytes), fileName }, { senderUrl: APP })).toEqual({ ok: true, value: null });
    }
    expect(openedPaths.map((p) => p.slice(join(dir, 'opened-originals', sha(bytes)).length + 1))).toEqual(['evil.bat.txt', 'run.cmd.txt', 'notes.desktop.txt', 'original CON.txt']);
  });

  it('refuses an original it does not keep, and a payload that is not a sha256', async () => {
    const dispatch = createDispatch(createHandlers(deps), trusted);
    const missing = await dispatch('source:open-original', { sha256: 'c'.repeat(64), fileName: 'gone.pdf' }, { senderUrl: APP });
    expect(missing).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/does not keep the original/) } });
    const path = await dispatch('source:show-in-folder', { sha256: '../../etc/passwd', fileName: 'x' }, { senderUrl: APP });
    expect(path).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect([...openedPaths, ...shownInFolder]).toEqual([]);
  });

  it('says what the system answered when it could not open the copy', async () => {
    const bytes = new TextEncoder().encode('A tip.\n');
    await deps.originals.putBytes(sha(bytes), bytes);
    const dispatch = createDispatch(createHandlers({ ...deps, openPath: async () => 'No application is associated with this file' }), trusted);
    expect(await dispatch('source:open-original', { sha256: sha(bytes), fileName: 'tip.txt' }, { senderUrl: APP })).toMatchObject({
      ok: false,
      error: { code: 'io', message: 'The system could not open tip.txt: No application is associated with this file' },
    });
  });
});

describe('exports', () => {
  const model = {
    title: 'Briefing',
    date: '1 May 2023',
    handling: '',
    pageSize: 'A4',
    notes: [{ id: 'n1', title: 'Note', content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hi' }] }] } }],
    sources: [],
    entities: [],
    timeline: [],
    appendices: { entities: false, timeline: false, sources: false },
    redact: false,
  };
  const run = (channel: 'export:save-file' | 'export:briefing-pdf', payload: unknown, more: Partial<HandlerDeps> = {}) =>
    createDispatch(createHandlers({ ...deps, ...more }), trusted)(channel, payload, { senderUrl: 'casebook://app/index.html' });

  it('export:save-file writes what the user saves, and a cancelled dialog is an outcome, not an error', async () => {
    const path = join(dir, 'entities.csv');
    const bytes = new TextEncoder().encode('a,b\n');
    expect(await run('export:save-file', { format: 'csv', suggestedName: 'entities.csv', bytes })).toEqual({ ok: true, value: { saved: false } });
    const chooseSavePath = vi.fn(async () => path);
    expect(await run('export:save-file', { format: 'csv', suggestedName: 'a/../b:entities.csv', bytes }, { chooseSavePath })).toEqual({ ok: true, value: { saved: true, path } });
    expect(chooseSavePath).toHaveBeenCalledWith('a .. b entities.csv', 'csv');
    expect(await readFile(path, 'utf8')).toBe('a,b\n');
  });

  it('export:save-file says clearly when the folder cannot be written or the disk is full', async () => {
    const bytes = new Uint8Array([1]);
    const chooseSavePath = async () => join(dir, 'out.zip');
    const notWritable = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
    expect(await run('export:save-file', { format: 'markdown-zip', suggestedName: 'x.zip', bytes }, { chooseSavePath, writeFileAtomic: async () => Promise.reject(notWritable) })).toMatchObject({ ok: false, error: { code: 'not-writable' } });
    expect(await run('export:save-file', { format: 'markdown-zip', suggestedName: 'x.zip', bytes }, { chooseSavePath, writeFileAtomic: async () => Promise.reject(full) })).toMatchObject({ ok: false, error: { code: 'disk-full', message: expect.stringMatching(/disk is full/) } });
  });

  it('export:briefing-pdf prints after the save dialog, reports progress, and writes the PDF', async () => {
    const path = join(dir, 'briefing.pdf');
    const emitted: unknown[] = [];
    const printBriefing = vi.fn(async (_m: unknown, onProgress: (p: never) => void) => {
      onProgress({ stage: 'printing', printing: 1 } as never);
      return { bytes: new TextEncoder().encode('%PDF-1.7'), pageCount: 3 };
    });
    const dispatch = createDispatch(createHandlers({ ...deps, chooseSavePath: async () => path, printBriefing }), trusted);
    const result = await dispatch('export:briefing-pdf', { model }, { senderUrl: 'casebook://app/index.html', emit: (event, payload) => emitted.push([event, payload]) });
    expect(result).toEqual({ ok: true, value: { saved: true, path, pageCount: 3 } });
    expect(emitted).toEqual([['export:progress', { stage: 'printing', printing: 1 }], ['export:progress', { stage: 'saving' }]]);
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7');
  });

  it('export:briefing-pdf refuses a malformed model before any dialog opens', async () => {
    const chooseSavePath = vi.fn(async () => join(dir, 'never.pdf'));
    let deep: Record<string, unknown> = { type: 'text', text: 'x' };
    for (let i = 0; i < 5000; i++) deep = { type: 'paragraph', content: [deep] };
    for (const bad of [{ ...model, pageSize: 'A0' }, { ...model, notes: [{ id: 'n', title: 't', content: deep }] }, { ...model, sources: [{ id: 's', title: 't', sha256: 'nothex', importedAt: 1 }] }, { ...model, extra: 1 }]) {
      expect(await run('export:briefing-pdf', { model: bad }, { chooseSavePath })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    expect(chooseSavePath).not.toHaveBeenCalled();
  });
});

describe('import by path', () => {
  it('reads only files the user picked in the import dialog', async () => {
    const dispatch = createDispatch(createHandlers({ ...deps, chooseFiles: async () => [join(dir, 'picked.txt')] }), trusted);
    const refused = await dispatch('import:file', { requestId: 'r1', path: '/etc/passwd' }, { senderUrl: 'casebook://app/index.html' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden-path' } });
    // The importer of these tests throws if it is ever reached: being refused first proves it was not.
    await dispatch('import:choose-files', undefined, { senderUrl: 'casebook://app/index.html' });
    const picked = await dispatch('import:file', { requestId: 'r2', path: join(dir, 'picked.txt') }, { senderUrl: 'casebook://app/index.html' });
    expect(picked).not.toMatchObject({ error: { code: 'forbidden-path' } });
  });
});
