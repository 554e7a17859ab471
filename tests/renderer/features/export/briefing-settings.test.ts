import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createCase, deleteCase, purgeCase } from '../../../../renderer/db/cases';
import { briefingSettingsKey, loadBriefingSettings, parseBriefingSettings, saveBriefingSettings } from '../../../../renderer/features/export/briefing-settings';
import { freshDatabase } from '../../db/fresh-db';

describe('the export dialog’s remembered settings', () => {
  it('keeps subtitle, author, handling line and page size per case', async () => {
    const db = freshDatabase();
    const a = await createCase(db, 'Case A');
    const b = await createCase(db, 'Case B');
    expect(await loadBriefingSettings(db, a)).toEqual({});
    await saveBriefingSettings(db, a, { subtitle: 'Interim', author: 'Desk 3', handling: 'EMBARGOED', pageSize: 'Letter' });
    await saveBriefingSettings(db, b, { subtitle: '', author: 'Someone else', handling: 'PUBLIC', pageSize: 'A4' });
    expect(await loadBriefingSettings(db, a)).toEqual({ subtitle: 'Interim', author: 'Desk 3', handling: 'EMBARGOED', pageSize: 'Letter' });
    expect(await loadBriefingSettings(db, b)).toMatchObject({ author: 'Someone else', pageSize: 'A4' });
  });

  it('reads back only valid values (an older version or a hand edit cannot break the dialog)', async () => {
    expect(parseBriefingSettings(null)).toEqual({});
    expect(parseBriefingSettings('Letter')).toEqual({});
    expect(parseBriefingSettings({ subtitle: 7, author: ['x'], handling: 'OK', pageSize: 'A3', title: 'not remembered' })).toEqual({ handling: 'OK' });
    expect(parseBriefingSettings({ author: 'x'.repeat(5000) }).author).toHaveLength(500);
    const db = freshDatabase();
    await db.meta.put({ key: briefingSettingsKey('c'), value: { pageSize: { size: 'A4' }, author: null } });
    expect(await loadBriefingSettings(db, 'c')).toEqual({});
  });

  it('goes when its case is deleted for good', async () => {
    const db = freshDatabase();
    const id = await createCase(db, 'Gone');
    await saveBriefingSettings(db, id, { subtitle: 's', author: 'a', handling: 'h', pageSize: 'A4' });
    await deleteCase(db, id);
    await purgeCase(db, id);
    expect(await db.meta.get(briefingSettingsKey(id))).toBeUndefined();
  });
});
