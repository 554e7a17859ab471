import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { foldText } from '../../shared/linking/normalize';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const NAMES = ['Anne Milgram', 'Milgram', 'Ánne Milgrám', 'Nightingale'];

/** As a reader finds it: HTML entities and Markdown escapes undone, folded as the linker folds (case, accents). */
function readable(output: string): string {
  const decoded = output.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\\(?=[\p{P}\p{S}])/gu, '');
  return foldText(decoded).replace(/\s+/g, ' ');
}

function expectNoName(label: string, output: string): void {
  const folded = readable(output);
  for (const name of NAMES) expect(folded, `${label} names “${name}”`).not.toContain(foldText(name));
}

/**
 * Redaction as a user meets it: Anne Milgram is protected with a code name
 * and an accented alias, a note names her in other cases, and every format
 * the export dialog saves (through main's real handlers, to the path the
 * save dialog gives) is read back from disk: none names her. The backup,
 * which the dialog says keeps everything, does.
 */
describe('redacting every export', () => {
  let app: LaunchedApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-redaction-'));
    app = await launchApp();
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('protects Anne Milgram under three aliases and names her in a new note', async () => {
    const { page } = app;
    const inspector = page.locator('.inspector');
    await page.locator('.note-body .entity-mention', { hasText: 'Anne Milgram' }).first().click();
    await ui(inspector.locator('.entity-name')).toHaveText('Anne Milgram');
    await inspector.getByRole('button', { name: 'Edit' }).click();
    await inspector.getByLabel(/Aliases/).fill('Milgram\nÁnne Milgrám\nNightingale');
    await inspector.getByLabel(/Protected/).check();
    await inspector.getByRole('button', { name: /Save/ }).click();
    await ui(inspector.locator('.protected-badge')).toBeVisible();

    await page.keyboard.press(`${MOD}+n`);
    await ui(page.locator('.note-title:focus')).toBeVisible();
    await page.keyboard.type('Call with NIGHTINGALE');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Spoke to nightingale and ANNE MILGRAM today; Milgràm confirmed the route.');
    await ui(page.locator('.note-body p').first()).toContainText('Milgràm confirmed');
    await ui(page.locator('[data-save-state="saved"]')).toBeVisible();
  });

  it('saves the note as Markdown with her names redacted', async () => {
    const { page } = app;
    const noteFile = join(dir, 'note.md');
    app.savePicks.push(noteFile);
    await page.locator('.note-view, article').getByRole('button', { name: 'Markdown…' }).first().click();
    await ui(page.locator('.toast', { hasText: 'protected names redacted' })).toBeVisible();
    const md = readFileSync(noteFile, 'utf8');
    expect(md).toContain('Spoke to \\[redacted\\] and \\[redacted\\] today; \\[redacted\\] confirmed the route.');
    expectNoName('note Markdown', md);
  });

  it('says redaction covers every format but the backup, and saves Markdown, CSV, FtM and HTML without her', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    await ui(dialog).toBeVisible();
    const redact = dialog.getByLabel(/Redact protected entities/);
    expect(await redact.isChecked()).toBe(true);
    const formats = dialog.getByRole('region', { name: 'Other formats' });
    await ui(formats).toContainText('Protected names are redacted in these formats too.');
    const backupNote = formats.locator('#backup-keeps-everything');
    await ui(backupNote).toContainText('A backup is not redacted: it keeps everything, protected names included');
    await ui(formats.getByRole('button', { name: 'Backup (.casebook)' })).toHaveAttribute('aria-describedby', 'backup-keeps-everything');
    await formats.scrollIntoViewIfNeeded();
    await app.screenshot('redaction-01-dialog');

    const save = async (button: string, file: string) => {
      const path = join(dir, file);
      app.savePicks.push(path);
      await formats.getByRole('button', { name: button }).click();
      await ui(page.locator('.toast', { hasText: `Saved ${button} to ${path}, protected names redacted.` })).toBeVisible();
      return readFileSync(path);
    };

    const zip = unzipSync(await save('Markdown (.zip)', 'case.zip'));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['README.md', 'entities.md', 'sources.md']));
    for (const [path, data] of Object.entries(zip)) {
      expectNoName('zip entry name', path);
      expectNoName(path, strFromU8(data));
    }
    expect(strFromU8(zip['entities.md']!)).toContain('Yuancheng Group');

    const csv = (await save('Entities (CSV)', 'entities.csv')).toString('utf8');
    expectNoName('CSV', csv);
    expect(csv).toContain('Yuancheng Group');

    const ftm = (await save('FollowTheMoney (JSON lines)', 'case.ftm.json')).toString('utf8');
    expectNoName('FtM', ftm);
    expect(ftm).toContain('Yuancheng Group');

    const html = (await save('HTML page', 'case.html')).toString('utf8');
    expectNoName('HTML page', html);
    expect(html).toContain('[redacted]');
    expect(html).toContain('Yuancheng Group');
  });

  it('keeps everything in the backup, and drops the note when redaction is unticked', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    const formats = dialog.getByRole('region', { name: 'Other formats' });
    const path = join(dir, 'case.casebook');
    app.savePicks.push(path);
    await formats.getByRole('button', { name: 'Backup (.casebook)' }).click();
    await ui(page.locator('.toast', { hasText: `Saved Backup (.casebook) to ${path}.` })).toBeVisible();
    const caseJson = readable(strFromU8(unzipSync(readFileSync(path))['case.json']!));
    for (const name of NAMES) expect(caseJson).toContain(foldText(name));

    await dialog.getByLabel(/Redact protected entities/).uncheck();
    await ui(formats.locator('#backup-keeps-everything')).toHaveCount(0);
    await ui(formats.getByText('Protected names are redacted in these formats too.')).toHaveCount(0);
    expect(app.pageErrors).toEqual([]);
  });
});
