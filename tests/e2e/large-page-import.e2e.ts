import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * A saved page too large for the full reading (over 1 MB of visible
 * markup) imports by the streaming path: the reader shows its headings and
 * paragraphs, and the source's details say its layout was simplified.
 */
describe('a large web page', () => {
  let app: LaunchedApp;
  let file: string;

  beforeAll(async () => {
    const prose = 'The harbour master logged every container of precursors that left the Manzanillo terminal that spring. ';
    const sections = Array.from({ length: 120 }, (_, i) => `<h2>Shipment log ${i + 1}</h2>${`<p>${prose.repeat(8)}<a href="https://example.org/${i}">source</a></p>`.repeat(14)}`).join('');
    file = join(mkdtempSync(join(tmpdir(), 'casebook-large-page-')), 'terminal-log.html');
    writeFileSync(file, `<!doctype html><html><head><title>Manzanillo terminal log</title></head><body><h1>Manzanillo terminal log</h1>${sections}</body></html>`);
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports it with its layout simplified, and says so in the reader', async () => {
    app.dialogPicks.push([file]);
    await app.page.keyboard.press(`${MOD}+o`);
    const job = app.page.locator('.import-panel .import-job', { hasText: 'terminal-log.html' });
    await ui(job, { timeout: 120_000 }).toContainText('Imported');
    await job.locator('.import-open').click();
    await ui(app.page.locator('.source-reader h1').first()).toHaveText('Manzanillo terminal log');
    await ui(app.page.getByTestId('source-simplified')).toContainText('its layout was simplified');
    await ui(app.page.locator('.source-text h2').first()).toHaveText('Shipment log 1');
    await expect.poll(() => app.page.locator('.source-text a').count()).toBe(0);
    await app.page.screenshot({ path: '/tmp/large-page-import.png' });
  }, 180_000);
});
