import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBackup } from '../../shared/export/backup';
import { hostileSnapshot } from '../fixtures/hostile-snapshot';
import { launchApp, type LaunchedApp } from './harness';
import { allRecords, countRecords } from './store';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * The red team's backup: new ids of its own, but a relation, mentions, a
 * citation and note nodes aimed at the seeded case. Restored through the
 * real dialog, handler and store, it must be refused with nothing written,
 * and the seeded case must look exactly as before.
 */
describe('a hostile backup', () => {
  let app: LaunchedApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-hostile-'));
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('that points into the seeded case is refused, and nothing is planted there', async () => {
    const { page } = app;
    const file = join(dir, 'evil.casebook');
    writeFileSync(file, await encodeBackup(hostileSnapshot(), new Map(), { appVersion: 'evil' }));
    // Every row the case holds, but what the linker finds on its own as the app starts (`found-…` mentions, rewritten
    // while this runs): a planted row, whatever its kind, changes these counts.
    const rows = async () => [
      ...(await Promise.all(['cases', 'notes', 'entities', 'relations', 'citations'].map((t) => countRecords(page, t)))),
      (await allRecords<{ id: string }>(page, 'mentions')).filter((m) => !m.id.startsWith('found-')).length,
    ];
    const before = await rows();

    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    const formats = dialog.getByRole('region', { name: 'Other formats' });
    app.dialogPicks.push([file]);
    await formats.getByRole('button', { name: 'Restore a backup…' }).click();
    const alert = formats.getByRole('alert');
    await ui(alert).toContainText('evil.casebook');
    await ui(alert).toContainText('does not hold');
    await ui(alert).toContainText('Nothing was changed');
    await app.screenshot('hostile-backup-refused');

    const after = await rows();
    expect(after).toEqual(before);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await ui(dialog).toHaveCount(0);

    // Anne Milgram's inspector shows no planted relation or backlink.
    const inspector = page.locator('.inspector');
    await page.locator('.note-body .entity-mention', { hasText: 'Anne Milgram' }).first().click();
    await ui(inspector.locator('.entity-name')).toHaveText('Anne Milgram');
    // Once its relations and backlinks have loaded…
    await ui(inspector).toContainText('US Efforts');
    await ui(inspector).toContainText('Drug Enforcement Administration');
    // …none of them is the backup's.
    const shown = await inspector.innerText();
    expect(shown).not.toContain('Evil Corp');
    expect(shown).not.toContain('planted');
    expect(app.pageErrors).toEqual([]);
  });
});
