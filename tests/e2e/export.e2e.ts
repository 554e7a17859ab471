import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { unzipSync } from 'fflate';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { selectInReader } from './reader';
import { countRecords } from './store';

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

    // A cited passage, so the briefing has endnotes.
    await page.locator('.side-section .side-link', { hasText: 'US Efforts' }).click();
    await ui(page.locator('.source-reader[data-mapped="true"]')).toHaveCount(1);
    await selectInReader(page, 'Yuancheng Group, a chemical company in Wuhan, China');
    await page.locator('.selection-menu').getByRole('button', { name: 'Quote in note' }).click();
    await page.locator('.toast', { hasText: 'Quoted in' }).getByRole('button', { name: 'Open note' }).click();
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);

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
    expect(squash(pages[0]!)).toContain('Sample case: fentanyl precursor trafficking');
    expect(squash(pages[0]!)).toContain('Precursor pipeline: state of the evidence');
    const contents = pages.find((p) => p.includes('Contents'))!;
    expect(contents).toMatch(/Endnotes\s*\.*\s*\d+/);
    // The endnote gives the passage and the source's fingerprint.
    const endnotesPage = Number(/Endnotes\s*\.*\s*(\d+)/.exec(contents)![1]);
    const endnotes = squash(pages.slice(endnotesPage - 1).join(' '));
    expect(endnotes).toContain('Yuancheng Group, a chemical company in Wuhan, China');
    const sha = createHash('sha256').update(readFileSync(new URL('../../shared/seed/fentanyl-article.txt', import.meta.url))).digest('hex');
    expect(endnotes.replace(/\s/g, '')).toContain(sha.slice(0, 16));
    expect(all).toMatch(/Appendix A\. /);
    expect(all).toMatch(new RegExp(`Page 1 of ${pages.length}`));
    expect(all).toContain('CONFIDENTIAL');
    expect(all).not.toMatch(/Milgram/i);
    // The contents' page numbers point at the pages the chapters are on.
    expect(squash(pages[endnotesPage - 1]!)).toMatch(/Endnotes/);
    const sourcesPage = Number(/Appendix C\. Sources\s*\.*\s*(\d+)/.exec(contents)![1]);
    expect(squash(pages[sourcesPage - 1]!)).toContain('Appendix C. Sources');
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

  it('saves Markdown, CSV and a backup; refuses a damaged backup; restores the good one beside the case', async () => {
    const { page } = app;
    // One note as Markdown: its citation becomes a footnote.
    const noteFile = join(dir, 'note.md');
    app.savePicks.push(noteFile);
    await page.locator('.note-view, article').getByRole('button', { name: 'Markdown…' }).first().click();
    await ui(page.locator('.toast', { hasText: 'note.md' })).toBeVisible();
    const md = readFileSync(noteFile, 'utf8');
    expect(md).toMatch(/\[\^1\]:.*Yuancheng Group, a chemical company in Wuhan/);

    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export briefing' });
    const formats = dialog.getByRole('region', { name: 'Other formats' });

    const markdown = join(dir, 'case.zip');
    app.savePicks.push(markdown);
    await formats.getByRole('button', { name: 'Markdown (.zip)' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved Markdown' })).toBeVisible();
    const files = Object.keys(unzipSync(readFileSync(markdown)));
    expect(files.some((f) => f.endsWith('.md'))).toBe(true);

    const csv = join(dir, 'entities.csv');
    app.savePicks.push(csv);
    await formats.getByRole('button', { name: 'Entities (CSV)' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved Entities (CSV)' })).toBeVisible();
    expect(readFileSync(csv, 'utf8')).toContain('Yuancheng Group');

    const backup = join(dir, 'case.casebook');
    app.savePicks.push(backup);
    await formats.getByRole('button', { name: 'Backup (.casebook)' }).click();
    await ui(page.locator('.toast', { hasText: 'Saved Backup' })).toBeVisible();

    // A truncated copy is refused with a clear message, and nothing changes.
    const damaged = join(dir, 'damaged.casebook');
    writeFileSync(damaged, readFileSync(backup).subarray(0, 2000));
    app.dialogPicks.push([damaged]);
    await formats.getByRole('button', { name: 'Restore a backup…' }).click();
    await ui(formats.getByRole('alert')).toContainText('damaged.casebook');
    expect(await countRecords(page, 'cases')).toBe(1);

    app.dialogPicks.push([backup]);
    await formats.getByRole('button', { name: 'Restore a backup…' }).click();
    const toast = page.locator('.toast', { hasText: 'Restored' });
    await ui(toast).toContainText('(restored)');
    // The dialog gives way to the toast that offers to open the restored case.
    await ui(page.getByRole('dialog', { name: 'Export briefing' })).toHaveCount(0);
    expect(await countRecords(page, 'cases')).toBe(2);
    await app.screenshot('export-02-restored');
    await toast.getByRole('button', { name: 'Open' }).click();
    await app.ready();
    await ui(page.locator('.case-title h1')).toContainText('(restored)');
    await ui(page.locator('.note-body cite.citation')).toHaveCount(1);
    await ui(page.getByLabel('Open case')).toBeVisible();
  }, 120_000);
});
