import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backupBeforeUpgrade, installedSchemaVersion, readOldStore, upgradePending } from '../../../../renderer/features/backup/pre-upgrade';
import { backUpCasesDue } from '../../../../renderer/features/backup/auto-backup';
import { SCHEMA_VERSIONS } from '../../../../renderer/db/database';
import { readCaseSnapshot } from '../../../../renderer/db/snapshot';
import { caseSnapshotSchema } from '../../../../shared/export/case-snapshot';
import { freshDatabase, uniqueName } from '../../db/fresh-db';
import { loadFixture, type FixtureDb } from '../../db/fixture-db';

const fixture = (v: number) => JSON.parse(readFileSync(join(__dirname, '../../../fixtures/db', `v${v}.json`), 'utf8')) as FixtureDb;
const newest = SCHEMA_VERSIONS.at(-1)!.version;

describe('backup before a schema upgrade', () => {
  it('reads the installed version back from IndexedDB (Dexie stores ten times its own)', async () => {
    expect(await installedSchemaVersion(uniqueName('none'))).toBeNull();
    const name = uniqueName('v1');
    await loadFixture(name, fixture(1));
    expect(await installedSchemaVersion(name)).toBe(1);
    expect(upgradePending(1)).toBe(true);
    const db = freshDatabase(name);
    await db.open();
    db.close();
    expect(await installedSchemaVersion(name)).toBe(newest);
    expect(upgradePending(newest)).toBe(false);
    expect(upgradePending(null)).toBe(false);
  });

  it.each([[1], [2]])('sends each case of a v%i store, read the old way, as a pre-upgrade backup equal to what the upgrade keeps', async (version) => {
    const name = uniqueName(`pre-v${version}`);
    await loadFixture(name, fixture(version));
    const sent: unknown[] = [];
    const api = { backupAuto: vi.fn(async (payload: unknown) => (sent.push(payload), { ok: true as const, value: { written: true as const, fileName: 'x' } })) };
    expect(await backupBeforeUpgrade(name, api, () => undefined)).toEqual({ from: version, written: 1 });
    const { snapshot, reason } = sent[0] as { snapshot: unknown; reason: string };
    expect(reason).toBe('pre-upgrade');
    expect(caseSnapshotSchema.safeParse(snapshot).success).toBe(true);
    // Reading did not upgrade the store.
    expect(await installedSchemaVersion(name)).toBe(version);

    const db = freshDatabase(name);
    await db.open();
    const upgraded = await readCaseSnapshot(db, (snapshot as { case: { id: string } }).case.id);
    expect(snapshot).toEqual(upgraded);
    // Opened with today's code: nothing more to back up.
    db.close();
    api.backupAuto.mockClear();
    expect(await backupBeforeUpgrade(name, api, () => undefined)).toBeNull();
    expect(api.backupAuto).not.toHaveBeenCalled();
  });

  it('reads nothing when no store exists yet', async () => {
    expect(await readOldStore(uniqueName('empty'), 1)).toEqual([]);
  });
});

describe('daily backup', () => {
  it('sends each case once a day and remembers it', async () => {
    const name = uniqueName('daily');
    await loadFixture(name, fixture(newest));
    const db = freshDatabase(name);
    await db.open();
    let written = true;
    const api = { backupAuto: vi.fn(async () => ({ ok: true as const, value: written ? { written: true as const, fileName: 'a' } : { written: false as const, reason: 'exists-today' as const } })) };
    let now = new Date(2025, 2, 1, 10);
    const log = vi.fn();
    expect(await backUpCasesDue({ db, api, log, now: () => now })).toHaveLength(1);
    expect(await backUpCasesDue({ db, api, log, now: () => now })).toEqual([]);
    expect(api.backupAuto).toHaveBeenCalledTimes(1);
    now = new Date(2025, 2, 2, 10);
    written = false;
    expect(await backUpCasesDue({ db, api, log, now: () => now })).toEqual([]);
    expect(api.backupAuto).toHaveBeenCalledTimes(2);
    expect(log).not.toHaveBeenCalled();
  });
});
