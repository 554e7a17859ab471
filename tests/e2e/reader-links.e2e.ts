import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const POLL = { timeout: 10_000, interval: 50 };

const TRACKER = 'https://tracker.example/t/8f3a2c?reader=casebook&campaign=leak-watch';
const ROUTER = 'http://192.168.1.1/cgi-bin/admin';
const PAGE_HTML = `<!doctype html><html><head><title>Ledger of the Manzanillo route</title>
<link rel="canonical" href="https://news.example.org/2023/ledger"></head><body><article>
<h1>Ledger of the Manzanillo route</h1>
<p>The broker kept a <a href="${TRACKER}">shipping ledger for the Manzanillo route</a> that lists every drum by date.</p>
<p>His office printer answered on <a href="${ROUTER}">the router page</a>, according to the technician.</p>
<p>Tips went to <a href="mailto:tips@example.org?subject=Ledger&amp;attach=/home/me/.ssh/id_rsa&amp;body=Hello">the tips desk</a> of the paper.</p>
<p>The customs office confirmed the shipments in a written statement to reporters on Monday.</p>
</article></body></html>`;

/** Where `text` sits in the reader: its first and last character's centres, and its middle. */
async function wordBox(page: Page, text: string) {
  const box = await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at === -1) continue;
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const rect = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getClientRects()[0]!;
      };
      const first = rect(at, at + 1);
      const last = rect(at + text.length - 1, at + text.length);
      return { startX: first.left + 1, endX: last.right - 1, y: first.top + first.height / 2, midX: (first.left + last.right) / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`“${text}” is not in the reader`);
  return box;
}

const selectedText = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '');

/**
 * Links in an imported page, as a reader who quotes meets them: selecting
 * words inside a link (double-click, drag) never opens it, a click shows
 * where it points, and only a confirmed Ctrl/Cmd+click (or "Open link…")
 * reaches main, which still refuses the local network and strips mailto.
 */
describe('links in the reader', () => {
  let app: LaunchedApp;
  let file: string;

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'casebook-links-')), 'ledger.html');
    writeFileSync(file, PAGE_HTML);
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports a page with links and reads it', async () => {
    app.dialogPicks.push([file]);
    await app.page.keyboard.press(`${MOD}+o`);
    const job = app.page.locator('.import-panel .import-job', { hasText: 'ledger.html' });
    await ui(job, { timeout: 60_000 }).toContainText('Imported');
    await job.locator('.import-open').click();
    await ui(app.page.locator('.source-reader h1')).toHaveText('Ledger of the Manzanillo route');
    await expect.poll(() => app.page.locator('.source-reader').getAttribute('data-mapped'), POLL).toBe('true');
  });

  it('selects words inside a link by double-click and by drag without opening it, and shows its address', async () => {
    const { page } = app;
    const word = await wordBox(page, 'ledger');
    await page.mouse.dblclick(word.midX, word.y);
    await expect.poll(() => selectedText(page), POLL).toBe('ledger');
    await ui(page.locator('.selection-menu')).toBeVisible();
    await ui(page.getByTestId('link-status')).toContainText(TRACKER);

    // Drag from "shipping" to "Manzanillo", inside the same link.
    const from = await wordBox(page, 'shipping');
    const to = await wordBox(page, 'Manzanillo route');
    await page.mouse.move(from.startX, from.y);
    await page.mouse.down();
    await page.mouse.move(from.endX + 20, to.y, { steps: 5 });
    await page.mouse.move(to.endX, to.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => selectedText(page), POLL).toBe('shipping ledger for the Manzanillo route');
    await ui(page.locator('.selection-menu')).toBeVisible();
    await app.screenshot('reader-links-01-selected');

    // A plain click, and a middle click (which Chromium would turn into a new window, and main into the browser).
    await page.mouse.click(word.midX, word.y);
    await page.mouse.click(word.midX, word.y, { button: 'middle' });
    await ui(page.getByTestId('link-status')).toContainText('Ctrl+click to open');

    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(app.context.pages()).toHaveLength(1);
    expect(app.openedExternally).toEqual([]);
    expect(app.pageErrors).toEqual([]);
  });

  it('opens a link on Ctrl+click only after a confirmation showing the whole address', async () => {
    const { page } = app;
    const link = page.locator('.source-html a', { hasText: 'shipping ledger' });
    const dialog = page.getByRole('dialog', { name: 'Open this link in your browser?' });

    await link.click({ modifiers: [MOD] });
    await ui(dialog).toBeVisible();
    await ui(dialog.getByTestId('open-link-url')).toHaveText(TRACKER);
    await ui(dialog).toContainText('The server at tracker.example will see that this link was opened');
    await app.screenshot('reader-links-02-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await ui(dialog).toHaveCount(0);
    expect(app.openedExternally).toEqual([]);

    // Escape cancels; focus was on "Open in browser", so Enter opens.
    await link.click({ modifiers: [MOD] });
    await ui(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await ui(dialog).toHaveCount(0);
    expect(app.openedExternally).toEqual([]);

    await link.click({ modifiers: [MOD] });
    await ui(dialog).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Open in browser');
    await page.keyboard.press('Enter');
    await ui(dialog).toHaveCount(0);
    await expect.poll(() => app.openedExternally, POLL).toEqual([TRACKER]);

    // The selection menu offers the same, through the same confirmation.
    const word = await wordBox(page, 'ledger');
    await page.mouse.dblclick(word.midX, word.y);
    await page.locator('.selection-menu').getByRole('button', { name: 'Open link…' }).click();
    await ui(dialog.getByTestId('open-link-url')).toHaveText(TRACKER);
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    await expect.poll(() => app.openedExternally, POLL).toEqual([TRACKER, TRACKER]);
    expect(app.pageErrors).toEqual([]);
  });

  it('main refuses a link to the local network and keeps only to, cc, subject and body of a mailto', async () => {
    const { page } = app;
    const before = app.openedExternally.length;
    await page.locator('.source-html a', { hasText: 'the router page' }).click({ modifiers: [MOD] });
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Open in browser' }).click();
    await ui(dialog.getByRole('alert')).toContainText('Links to a private network address (192.168.1.1) are not opened');
    await app.screenshot('reader-links-03-refused');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('Close');
    await page.keyboard.press('Enter');
    await ui(dialog).toHaveCount(0);

    await page.locator('.source-html a', { hasText: 'the tips desk' }).click({ modifiers: [MOD] });
    await ui(page.getByRole('dialog', { name: 'Write this email in your mail program?' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(() => app.openedExternally.slice(before), POLL).toEqual(['mailto:tips@example.org?subject=Ledger&body=Hello']);
    expect(app.pageErrors).toEqual([]);
  });

  it('the address in the source header follows the same rule', async () => {
    const { page } = app;
    const before = app.openedExternally.length;
    const meta = page.locator('.source-meta a');
    await ui(meta).toHaveText('https://news.example.org/2023/ledger');
    await meta.click();
    await ui(page.getByTestId('link-status')).toContainText('https://news.example.org/2023/ledger');
    expect(await page.getByRole('dialog').count()).toBe(0);
    await meta.click({ modifiers: [MOD] });
    await ui(page.getByRole('dialog').getByTestId('open-link-url')).toHaveText('https://news.example.org/2023/ledger');
    await page.keyboard.press('Escape');
    expect(app.openedExternally.length).toBe(before);
  });
});
