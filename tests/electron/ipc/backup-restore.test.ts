import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc/handlers';
import { createOriginalsStore } from '../../../electron/services/originals';
import { encodeBackup } from '../../../shared/export/backup';
import { sha256Hex } from '../../../shared/export/sha256';
import { seededCase } from '../../shared/export/case-fixture';

const APP = 'casebook://app/index.html';

/** backup:restore through main's real dispatcher, handler and originals store, with the file "picked" in the dialog. */
describe('backup:restore stores originals only from a backup it accepts', () => {
  let dataDir: string;
  beforeEach(() => void (dataDir = mkdtempSync(join(tmpdir(), 'casebook-restore-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const restore = (path: string) => {
    const deps = { originals: createOriginalsStore(dataDir), chooseBackupFile: async () => path, backupsDir: join(dataDir, 'backups') } as Partial<HandlerDeps> as HandlerDeps;
    return createDispatch(createHandlers(deps), { trustedOrigins: ['casebook://app'] })('backup:restore', undefined, { senderUrl: APP });
  };
  const storedOriginals = () => (existsSync(join(dataDir, 'originals')) ? readdirSync(join(dataDir, 'originals'), { recursive: true }).map(String).filter((p) => /[0-9a-f]{64}$/.test(p)) : []);

  it('refuses a backup carrying an original no source uses, and stores none of its files', async () => {
    const { snapshot, originals } = await seededCase();
    const entries = unzipSync(await encodeBackup(snapshot, originals, { appVersion: 'test' }));
    const stray = strToU8('#!/bin/sh\necho a file no source of the case names');
    const sha = await sha256Hex(stray);
    entries[`originals/${sha}`] = stray;
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
    manifest.originals.push({ sha256: sha, size: stray.length });
    entries['manifest.json'] = strToU8(JSON.stringify(manifest));
    const path = join(dataDir, 'stray.casebook');
    writeFileSync(path, zipSync(entries as Zippable));

    const result = await restore(path);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-backup' } });
    expect(!result.ok && result.error.message).toMatch(/no source of its case uses .*Nothing was changed\./);
    expect(storedOriginals()).toEqual([]);
  });

  it('stores the originals of a backup it accepts', async () => {
    const { snapshot, originals } = await seededCase();
    const path = join(dataDir, 'good.casebook');
    writeFileSync(path, await encodeBackup(snapshot, originals, { appVersion: 'test' }));
    expect(await restore(path)).toMatchObject({ ok: true, value: { restored: true } });
    expect(storedOriginals().map((p) => p.slice(-64)).sort()).toEqual([...originals.keys()].sort());
  });
});
