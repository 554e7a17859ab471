import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../electron/main/ipc/handlers';
import { safeFileName } from '../../electron/main/ipc/saving';
import { parseEmail } from '../../electron/services/import/email';
import { DEFAULT_LIMITS } from '../../electron/services/import/types';
import { createOriginalsStore } from '../../electron/services/originals';

/**
 * Files main writes stay where they belong: originals under
 * `<dataDir>/originals`, exports where the user chose in the save dialog.
 * Names that come from outside (a sha256 from the renderer or a backup, an
 * email attachment's file name, a note title suggested as a file name) can
 * never steer a write elsewhere. Backup entry names (`../evil.sh`,
 * `/abs/path`, `C:\x`…) are refused in tests/shared/export/backup.test.ts.
 */

const REPO = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'casebook-paths-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HOSTILE_NAMES = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\System32\\evil.dll',
  '/etc/passwd',
  'C:\\Windows\\evil.dll',
  '\\\\server\\share\\evil',
  '..',
  '.',
  '',
  'a/../../b',
  `${'a'.repeat(64)}/../../x`,
  `${'a'.repeat(64)}\n`,
  `${'a'.repeat(64)}\u0000`,
  'A'.repeat(64),
  'a'.repeat(63),
  'a'.repeat(65),
  `../${'a'.repeat(61)}`,
];

async function everyFile(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
}

describe('originals store', () => {
  it('refuses every name that is not 64 lowercase hex digits, and writes nothing anywhere', async () => {
    const data = join(dir, 'data');
    const store = createOriginalsStore(data);
    for (const name of HOSTILE_NAMES) {
      expect(() => store.pathFor(name), JSON.stringify(name)).toThrow(/Not a sha256/);
      await expect(store.putBytes(name, new Uint8Array([1])), JSON.stringify(name)).rejects.toThrow(/Not a sha256/);
      await expect(store.putFile(name, join(REPO, 'package.json')), JSON.stringify(name)).rejects.toThrow(/Not a sha256/);
      await expect(Promise.resolve().then(() => store.has(name))).rejects.toThrow(/Not a sha256/);
    }
    expect(await everyFile(dir)).toEqual([]);
  });

  it('a valid name always resolves inside <dataDir>/originals', async () => {
    const data = join(dir, 'data');
    const store = createOriginalsStore(data);
    const bytes = new Uint8Array([1, 2]);
    const sha = createHash('sha256').update(bytes).digest('hex');
    const path = await store.putBytes(sha, bytes);
    expect(path).toBe(join(data, 'originals', sha.slice(0, 2), sha));
    expect(await everyFile(dir)).toEqual([join('data', 'originals', sha.slice(0, 2), sha)]);
  });
});

describe('email attachments', () => {
  it('keeps attachments in memory under a plain file name, whatever path the sender wrote', async () => {
    const names = ['../../../../tmp/evil.html', '/etc/cron.d/evil', 'C:\\Users\\x\\evil.bat', '..\\..\\evil.txt', '..', '.', 'a\u0000b/../../c.txt'];
    const parts = names.flatMap((name, i) => [
      '--B',
      `Content-Type: text/plain; name="${name}"`,
      `Content-Disposition: attachment; filename="${name}"`,
      '',
      `attachment ${i}`,
    ]);
    const eml = ['From: a@example.org', 'Subject: paths', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="B"', '', '--B', 'Content-Type: text/plain', '', 'body text', ...parts, '--B--', ''].join('\r\n');
    const parsed = await parseEmail({ bytes: new TextEncoder().encode(eml), fileName: 'paths.eml', limits: DEFAULT_LIMITS });
    const fileNames = (parsed.attachments ?? []).map((a) => a.fileName);
    expect(fileNames).toHaveLength(names.length);
    for (const name of fileNames) {
      expect(name, name).not.toMatch(/[\\/]|\u0000/);
      expect(name).not.toMatch(/^\.{1,2}$/);
    }
    expect(await everyFile(dir)).toEqual([]);
  });

  it('no import module writes files: the only write of an import is the original, named by its hash', () => {
    const importDir = join(REPO, 'electron/services/import');
    const writers = readdirSync(importDir, { recursive: true })
      .map(String)
      .filter((f) => /\.ts$/.test(f))
      .filter((f) => /\b(writeFile|writeFileSync|createWriteStream|copyFile|appendFile|rename|mkdir|symlink)\s*\(/.test(readFileSync(join(importDir, f), 'utf8')));
    expect(writers).toEqual([]);
  });
});

describe('export file names', () => {
  it.each([
    ['../../.bashrc'],
    ['/etc/passwd'],
    ['C:\\Windows\\win.ini'],
    ['..'],
    ['.hidden'],
    ['a/../../b.md'],
    ['\u0000nul.md'],
    ['con:evil.md'],
  ])('a suggested name %j reaches the save dialog as a plain file name', async (suggestedName) => {
    const suggested: string[] = [];
    const deps = {
      chooseSavePath: async (name: string) => (suggested.push(name), null),
    } as unknown as HandlerDeps;
    const dispatch = createDispatch(createHandlers(deps), { trustedOrigins: ['casebook://app'] });
    const result = await dispatch('export:save-file', { format: 'markdown', suggestedName, bytes: new Uint8Array([1]) }, { senderUrl: 'casebook://app/index.html' });
    expect(result).toEqual({ ok: true, value: { saved: false } });
    expect(suggested).toHaveLength(1);
    expect(suggested[0]).toBe(safeFileName(suggestedName));
    expect(suggested[0]).not.toMatch(/[\\/:\u0000]|^\./);
  });
});
