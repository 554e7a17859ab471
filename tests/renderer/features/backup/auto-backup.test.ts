import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { backUpCasesDue } from '../../../../renderer/features/backup/auto-backup';
import { createBackupNotice } from '../../../../renderer/features/backup/backup-notice';
import { SCHEMA_VERSIONS } from '../../../../renderer/db/database';
import { freshDatabase, uniqueName } from '../../db/fresh-db';
import { loadFixture, type FixtureDb } from '../../db/fixture-db';

const newest = SCHEMA_VERSIONS.at(-1)!.version;
const fixture = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/db', `v${newest}.json`), 'utf8')) as FixtureDb;

async function seededDb() {
  const name = uniqueName('auto-backup');
  await loadFixture(name, fixture);
  const db = freshDatabase(name);
  await db.open();
  return db;
}

describe('a failed daily backup', () => {
  it('is shown until the next backup of that case succeeds, with main’s reason and the case named', async () => {
    const db = await seededDb();
    const notice = createBackupNotice();
    const log = vi.fn();
    const caseRecord = (await db.cases.toArray())[0]!;
    const reason = 'Could not save to /home/me/.config/Casebook/backups: the folder cannot be written to. Choose another folder.';
    let fail = true;
    const api = {
      backupAuto: vi.fn(async () =>
        fail ? { ok: false as const, error: { code: 'not-writable' as const, message: reason } } : { ok: true as const, value: { written: true as const, fileName: 'x.casebook' } },
      ),
    };
    const now = () => new Date(2025, 2, 1, 10);

    expect(await backUpCasesDue({ db, api, log, notice, now })).toEqual([]);
    expect(notice.get()).toEqual([{ caseId: caseRecord.id, caseTitle: caseRecord.title, message: reason }]);
    expect(log).toHaveBeenCalledWith('The daily backup failed', reason);

    // Retried at the next check (nothing was remembered as done), still failing: still shown, once.
    expect(await backUpCasesDue({ db, api, log, notice, now })).toEqual([]);
    expect(notice.get()).toHaveLength(1);

    fail = false;
    expect(await backUpCasesDue({ db, api, log, notice, now })).toEqual([caseRecord.id]);
    expect(notice.get()).toEqual([]);
  });

  it('is shown when reading the case throws, and goes away when dismissed', async () => {
    const db = await seededDb();
    const notice = createBackupNotice();
    const api = { backupAuto: vi.fn(async () => { throw new Error('The connection to main was lost.'); }) };
    await backUpCasesDue({ db, api, log: () => undefined, notice, now: () => new Date(2025, 2, 1, 10) });
    expect(notice.get()).toMatchObject([{ message: 'The connection to main was lost.' }]);
    notice.dismiss();
    expect(notice.get()).toEqual([]);
  });
});
