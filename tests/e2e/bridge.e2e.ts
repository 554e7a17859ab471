import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { newNote } from './actions';

/** The renderer → preload API → main handlers → disk road, walked from the page. */
describe('bridge to main', () => {
  let app: LaunchedApp;
  beforeAll(async () => {
    app = await launchApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('exposes one function per channel and nothing else', async () => {
    const names = await app.page.evaluate(() => Object.keys(window.casebook!).sort());
    expect(names).toEqual([
      'appGetInfo',
      'backupAuto',
      'backupRestore',
      'backupTakeOpenRequests',
      'exportBriefingPdf',
      'exportCaseFile',
      'exportSaveFile',
      'importCancel',
      'importChooseFiles',
      'importFile',
      'logWrite',
      'onAppBeforeClose',
      'onBackupOpenRequested',
      'onExportProgress',
      'onImportProgress',
      'onMenuCommand',
      'originalsRead',
      'originalsRelease',
      'shellOpenExternal',
      'sourceOpenOriginal',
      'sourceShowInFolder',
      'windowReadyToClose',
    ]);
    const info = await app.page.evaluate(() => window.casebook!.appGetInfo());
    expect(info).toEqual({ ok: true, value: expect.objectContaining({ name: 'Casebook', dataDir: app.profile.dataDir }) });
  });

  it('writes the log file on disk', async () => {
    const result = await app.page.evaluate(() => window.casebook!.logWrite({ level: 'warn', message: 'journey check' }));
    expect(result).toEqual({ ok: true, value: null });
    const lines = readFileSync(join(app.profile.dataDir, 'logs', 'casebook.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ level: 'warn', message: 'journey check' });
  });

  it('refuses bad payloads and dangerous URLs with typed errors', async () => {
    const bad = await app.page.evaluate(() => (window.casebook!.logWrite as (p: unknown) => Promise<unknown>)({ level: 'fatal', message: 1 }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const js = await app.page.evaluate(() => window.casebook!.shellOpenExternal({ url: 'javascript:alert(1)' }));
    expect(js).toMatchObject({ ok: false, error: { code: 'forbidden-url' } });
    const file = await app.page.evaluate(() => window.casebook!.shellOpenExternal({ url: 'file:///etc/passwd' }));
    expect(file).toMatchObject({ ok: false, error: { code: 'forbidden-url' } });
    expect(app.openedExternally).toEqual([]);
  });

  it('opens a note link outside the app on Ctrl+click, and only a checked one', async () => {
    const { page } = app;
    await newNote(page);
    await page.keyboard.type('Hearing record');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+Shift+k');
    await page.getByLabel('Link address').fill('docs.house.gov/meetings');
    await page.keyboard.press('Enter');
    const link = page.locator('.note-body a');
    await ui(link).toHaveAttribute('href', 'https://docs.house.gov/meetings');
    // As in the reader: asked first, with the whole address; only "Open" reaches main.
    await link.click({ modifiers: ['Control'] });
    const dialog = page.getByRole('dialog', { name: 'Open this link in your browser?' });
    await ui(dialog.getByTestId('open-link-url')).toHaveText('https://docs.house.gov/meetings');
    expect(app.openedExternally).toEqual([]);
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => app.openedExternally).toEqual(['https://docs.house.gov/meetings']);

    await page.keyboard.press('Control+Shift+k');
    await page.getByLabel('Link address').fill('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await ui(page.locator('.linkbar-error')).toContainText('Only web (http, https) and email (mailto) links');
    await app.screenshot('bridge-01-link-refused');
  });
});
