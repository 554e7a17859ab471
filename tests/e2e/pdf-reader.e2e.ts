import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { printCaseworkPdf } from '../fixtures/casework-pdf';

describe('the PDF reader', () => {
  let app: LaunchedApp;
  let pdfPath: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-pdf-reader-'));
    pdfPath = join(dir, 'port-authority-payments.pdf');
    writeFileSync(pdfPath, await printCaseworkPdf(3));
    app = await launchApp();
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens a PDF on its pages', async () => {
    const { page } = app;
    app.dialogPicks.push([pdfPath]);
    await page.getByRole('button', { name: 'Import sources', exact: true }).click();
    await ui(page.locator('.import-panel .import-job', { hasText: 'port-authority-payments.pdf' }), { timeout: 60_000 }).toContainText('Imported');
    await page.locator('.import-panel .import-job', { hasText: 'port-authority-payments.pdf' }).locator('.import-open').click();
    const reader = page.locator('.source-reader');
    await ui(reader.locator('.pdf-page')).toHaveCount(3);
    await ui(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeVisible();
    await ui(reader).toHaveAttribute('data-mapped', 'true');
    await app.screenshot('pdf-01-page-view');
    expect(app.pageErrors).toEqual([]);
  });
});
