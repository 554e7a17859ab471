import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { launchApp, type LaunchedApp } from './harness';
import { ui } from './ui-expect';
import { makeDocx } from '../fixtures/make-docx';
import { printPdf } from '../fixtures/print-pdf';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

const REPORT_HTML = `<!doctype html><html><head><title>Port seizure report</title>
<style>section { page-break-after: always; }</style></head><body>
<section><h1>Port seizure report</h1><p>Customs inspected a container declared as industrial chemicals.</p></section>
<section><p>The consignee named Yuancheng Group as the supplier of the precursors.</p></section>
<section><p>Samples were sent to the laboratory in Manzanillo.</p></section></body></html>`;

const PAGE_HTML = `<!doctype html><html><head><title>Treasury sanctions Chinese suppliers</title>
<link rel="canonical" href="https://news.example.org/2023/04/14/sanctions">
<meta name="author" content="Staff reporter"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav>
<article><h1>Treasury sanctions Chinese suppliers</h1>
<p>The U.S. Department of the Treasury placed two Chinese entities and five related individuals on its sanctions list on April 14, the same day prosecutors announced charges.</p>
<p>Officials said the suppliers shipped fentanyl precursor chemicals to Mexican drug cartels, which manufacture the drug and smuggle it into the United States.</p>
<p>Read the <a href="/documents/order.pdf">order</a> for details. <script>window.__pwned = 1</script><img src="https://tracker.example/pixel.gif" onerror="window.__pwned = 1"></p>
</article><footer>© News Example. <a href="/privacy">Privacy</a></footer></body></html>`;

/**
 * Importing sources as a user does: the dialog, several formats at once,
 * files that fail on their own, the library, the reader, a duplicate, a drop.
 */
describe('importing sources', () => {
  let app: LaunchedApp;
  let dir: string;
  let files: { pdf: string; docx: string; html: string; exe: string; vanished: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'casebook-import-'));
    files = {
      pdf: join(dir, 'port-report.pdf'),
      docx: join(dir, 'field-memo.docx'),
      html: join(dir, 'sanctions.html'),
      exe: join(dir, 'invoice.pdf'),
      vanished: join(dir, 'moved-away.pdf'),
    };
    writeFileSync(files.pdf, await printPdf(REPORT_HTML));
    writeFileSync(
      files.docx,
      await makeDocx({
        title: 'Field memo',
        creator: 'A. Analyst',
        body: [
          { heading: 'Field memo' },
          { paragraph: 'Meeting with a customs broker in Lázaro Cárdenas about shipments from Wuhan (武汉).' },
          { table: [['Date', 'Shipment'], ['2023-02-01', '40 drums']] },
        ],
      }),
    );
    writeFileSync(files.html, PAGE_HTML);
    writeFileSync(files.exe, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 0x90)]));
    app = await launchApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('imports several formats from the dialog, each with its own outcome', async () => {
    const { page } = app;
    app.dialogPicks.push([files.pdf, files.docx, files.html, files.exe, files.vanished]);
    await page.keyboard.press(`${MOD}+o`);
    const panel = page.locator('.import-panel');
    const IMPORTING = { timeout: 60_000 };
    await ui(panel.locator('[data-job-state="done"]'), IMPORTING).toHaveCount(3);
    await ui(panel.locator('[data-job-state="failed"]'), IMPORTING).toHaveCount(2);
    await ui(panel.locator('.import-job', { hasText: 'invoice.pdf' }).locator('.import-error')).toContainText('invoice.pdf:');
    await ui(panel.locator('.import-job', { hasText: 'moved-away.pdf' }).locator('.import-error')).toContainText('moved-away.pdf: the file is no longer there');
    await app.screenshot('import-01-panel');

    // Originals are kept, content-addressed, in main's data folder.
    const originals = readdirSync(join(app.profile.dataDir, 'originals'), { recursive: true }).filter((p) => String(p).length > 60);
    expect(originals).toHaveLength(3);
    expect(app.pageErrors).toEqual([]);
  });

  it('lists them in the library with format, pages, size, author and fingerprint', async () => {
    const { page } = app;
    await page.locator('.heading-link', { hasText: 'Sources' }).click();
    const table = page.locator('.library-table');
    await ui(table.locator('tbody tr')).toHaveCount(4); // the seeded article + 3
    const pdfRow = table.locator('tr', { hasText: 'Port seizure report' });
    await ui(pdfRow.locator('td').nth(1)).toHaveText('PDF');
    await ui(pdfRow.locator('td').nth(2)).toHaveText('3');
    const docxRow = table.locator('tr', { hasText: 'Field memo' });
    await ui(docxRow).toContainText('A. Analyst');
    await ui(table.locator('tr', { hasText: 'Treasury sanctions Chinese suppliers' })).toContainText('Staff reporter');
    await app.screenshot('import-02-library');
  });

  it('reads a PDF page by page and a Word document with its structure', async () => {
    const { page } = app;
    await page.locator('.library-table tr', { hasText: 'Port seizure report' }).locator('.link-button').click();
    const reader = page.locator('.source-reader');
    // Drawn by pdf.js, page by page, with the text layer over each page.
    await ui(reader.locator('.pdf-page')).toHaveCount(3);
    await ui(reader.locator('.pdf-page[data-page="2"] .textLayer')).toContainText('Yuancheng Group');
    await app.screenshot('import-03-pdf-reader');

    await page.locator('.side-item', { hasText: 'Field memo' }).locator('.side-link').click();
    await ui(reader.locator('.source-html h1, .source-html h2').first()).toContainText('Field memo');
    await ui(reader.locator('.source-html table td').nth(3)).toHaveText('40 drums');
    await ui(reader.locator('.source-html')).toContainText('武汉');
  });

  it('keeps a web page’s article, drops its boilerplate, and runs none of its script', async () => {
    const { page } = app;
    await page.locator('.side-item', { hasText: 'Treasury sanctions' }).locator('.side-link').click();
    const html = page.locator('.source-reader .source-html');
    await ui(html).toContainText('two Chinese entities and five related individuals');
    expect(await html.innerText()).not.toContain('Privacy');
    await ui(html.locator('a', { hasText: 'order' })).toHaveAttribute('href', 'https://news.example.org/documents/order.pdf');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await html.locator('script, img, iframe').count()).toBe(0);
    await app.screenshot('import-04-html-reader');
  });

  it('says when a file is already in the case, and imports a dropped file', async () => {
    const { page } = app;
    app.dialogPicks.push([files.pdf]);
    await page.getByRole('button', { name: 'Import sources', exact: true }).click();
    await ui(page.locator('.import-panel [data-job-state="duplicate"]'), { timeout: 60_000 }).toHaveCount(1);
    await ui(page.locator('.import-panel [data-job-state="duplicate"] .import-open')).toHaveAttribute('title', 'Already in this case as “Port seizure report”');

    // A drop, as the browser delivers it.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Interview notes\n\nThe broker said the drums came from Wuhan.'], 'interview.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await ui(page.locator('.import-panel .import-job', { hasText: 'interview.txt' }), { timeout: 60_000 }).toContainText('Imported');
    await page.locator('.import-panel .import-job', { hasText: 'interview.txt' }).locator('.import-open').click();
    await ui(page.locator('.source-reader h1')).toHaveText('Interview notes');
    await ui(page.locator('.source-reader .source-text')).toContainText('The broker said the drums came from Wuhan.');
    expect(existsSync(join(app.profile.dataDir, 'originals'))).toBe(true);
    expect(app.pageErrors).toEqual([]);
  });
});

