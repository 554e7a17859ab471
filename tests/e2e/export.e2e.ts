import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const squash = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Exporting a briefing as a user does: a protected source is marked, the
 * dialog previews the briefing, the PDF is printed by Chromium (the engine
 * Electron prints with) and saved where the user chose, then read back with
 * pdftotext as an editor's tools would see it.
 */
describe('exporting a briefing', () => {
  let app: LaunchedApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-export-'));
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('marks Anne Milgram protected, previews, and saves a briefing PDF with redaction', async () => {
    const { page } = app;
    const inspector = page.locator('.inspector');
    await page.locator('.note-body .entity-mention', { hasText: 'Anne Milgram' }).first().click();
    await ui(inspector.locator('.entity-name')).toHaveText('Anne Milgram');
    await inspector.getByRole('button', { name: 'Edit' }).click();
    await inspector.getByLabel(/Protected/).check();
    await inspector.getByRole('button', { name: /Save/ }).click();
    await ui(inspector.locator('.protected-badge')).toBeVisible();

    await page.keyboard.press(`${MOD}+p`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    await ui(dialog).toBeVisible();
    await dialog.getByLabel('Subtitle').fill('Precursor pipeline: state of the evidence');
    await dialog.getByLabel('Author').fill('Casebook test desk');
    const preview = page.frameLocator('.export-preview iframe');
    await ui(preview.locator('body'), { timeout: 15_000 }).toContainText('Precursor pipeline: state of the evidence');
    expect(await preview.locator('body').innerText()).not.toContain('Milgram');
    await app.screenshot('export-01-dialog');

    const target = join(dir, 'briefing.pdf');
    app.savePicks.push(target);
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved the briefing' }), { timeout: 120_000 }).toBeVisible();
    expect(existsSync(target)).toBe(true);
    // Written whole: no temporary file left beside it.
    expect(readdirSync(dir)).toEqual(['briefing.pdf']);

    const pages = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    const all = squash(pages.join(' '));
    expect(squash(pages[0]!)).toContain('Fentanyl precursor trafficking');
    expect(squash(pages[0]!)).toContain('Precursor pipeline: state of the evidence');
    const contents = pages.find((p) => p.includes('Contents'))!;
    expect(contents).toMatch(/Endnotes\s*\.*\s*\d+/);
    expect(all).toContain('Endnotes');
    expect(all).toMatch(/Appendix A\. /);
    expect(all).toMatch(new RegExp(`Page 1 of ${pages.length}`));
    expect(all).toContain('CONFIDENTIAL');
    expect(all).not.toMatch(/Milgram/i);
    // The contents' page numbers point at the pages the chapters are on.
    const endnotesPage = Number(/Endnotes\s*\.*\s*(\d+)/.exec(contents)![1]);
    expect(squash(pages[endnotesPage - 1]!)).toMatch(/Endnotes/);
  }, 180_000);

  it('cancels quietly when the save dialog is dismissed', async () => {
    const { page } = app;
    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    await ui(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Export PDF…' }).click();
    await ui(dialog.getByRole('button', { name: 'Export PDF…' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await ui(page.getByRole('dialog', { name: 'Export briefing' })).toHaveCount(0);
    expect(app.pageErrors).toEqual([]);
  });
});
