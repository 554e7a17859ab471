import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildRenderer } from '../tests/e2e/build-renderer';
import { createProfile, launchApp } from '../tests/e2e/harness';
import { printCaseworkPdf } from '../tests/fixtures/casework-pdf';
import { median, spread } from './stats';

/**
 * Time to the first page of a 100-page PDF painted in the reader's page
 * view, against pdf.js alone doing the least a viewer must (open the same
 * bytes, draw page 1 on a canvas at the same size and lay its text layer
 * over it) in the same browser, page and run. Each run starts from a
 * reload, so both load pdf.js's code and worker afresh.
 *
 * Casebook's time runs from the click on the source in the sidebar until
 * page 1's canvas is painted (`data-drawn`) and its text layer is mapped to
 * the stored text (`data-mapped`): what it adds is reading the original
 * through main, the reader's React tree, the source's records and the map.
 */

const RUNS = 7;
const PAGES = 100;
const BENCH_PREFIX = '/__bench/';

const requireHere = createRequire(import.meta.url);
const pdfjsFile = (name: string) => readFileSync(join(requireHere.resolve('pdfjs-dist/package.json'), '..', 'build', name));

/** Milliseconds from a click on the source to page 1 painted and mapped, measured in the page by a MutationObserver. */
async function casebookRun(page: Page, title: string): Promise<number> {
  const link = page.locator('.sidebar').getByText(title, { exact: true });
  await link.waitFor();
  const timing = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let start = 0;
        const done = () => !!document.querySelector('.source-reader[data-mapped="true"] .pdf-page[data-page="1"] canvas[data-drawn="true"]');
        const observer = new MutationObserver(() => {
          if (start && done()) {
            observer.disconnect();
            resolve(performance.now() - start);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-drawn', 'data-mapped'] });
        document.addEventListener('click', () => (start = performance.now()), { capture: true, once: true });
      }),
  );
  await link.click();
  return timing;
}

/** Milliseconds for pdf.js alone, in the same page: fetch the same bytes, open them, draw page 1 `width` CSS pixels wide with its text layer. */
function pdfjsRun(page: Page, width: number): Promise<number> {
  return page.evaluate(
    async ({ prefix, width }) => {
      const start = performance.now();
      const pdfjs = (await import(/* @vite-ignore */ `${prefix}pdf.min.mjs`)) as typeof import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = `${prefix}pdf.worker.min.mjs`;
      const data = new Uint8Array(await (await fetch(`${prefix}document.pdf`)).arrayBuffer());
      const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useWasm: false, useSystemFonts: false, disableAutoFetch: true, disableStream: true, disableRange: true, verbosity: 0 }).promise;
      const pdfPage = await doc.getPage(1);
      const scale = width / pdfPage.getViewport({ scale: 1 }).width;
      const viewport = pdfPage.getViewport({ scale });
      const host = document.createElement('div');
      host.style.cssText = `position: fixed; left: 0; top: 0; width: ${viewport.width}px; height: ${viewport.height}px; --total-scale-factor: ${scale};`;
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      const layer = document.createElement('div');
      host.append(canvas, layer);
      document.body.append(host);
      await Promise.all([
        pdfPage.render({ canvas, canvasContext: canvas.getContext('2d', { alpha: false })!, viewport }).promise,
        pdfPage.getTextContent().then((content) => new pdfjs.TextLayer({ textContentSource: content, container: layer, viewport }).render()),
      ]);
      const elapsed = performance.now() - start;
      host.remove();
      await doc.destroy();
      return elapsed;
    },
    { prefix: BENCH_PREFIX, width },
  );
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

export async function main(): Promise<void> {
  console.log(`PDF reader benchmark: time to the first page painted (canvas and text layer) of a ${PAGES}-page PDF,`);
  console.log(`Casebook's page view vs pdf.js alone, same bytes, same browser and page, median of ${RUNS} runs, each after a reload.\n`);
  await buildRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-pdf-'));
  const pdfPath = join(dir, 'port-authority-payments.pdf');
  const bytes = await printCaseworkPdf(PAGES);
  writeFileSync(pdfPath, bytes);

  const app = await launchApp({ profile: await createProfile() });
  try {
    const { page } = app;
    // pdf.js's own files and the document, served from the app's origin (its CSP allows only 'self').
    const served: Record<string, { body: Buffer; contentType: string }> = {
      'pdf.min.mjs': { body: pdfjsFile('pdf.min.mjs'), contentType: 'text/javascript' },
      'pdf.worker.min.mjs': { body: pdfjsFile('pdf.worker.min.mjs'), contentType: 'text/javascript' },
      'document.pdf': { body: bytes, contentType: 'application/pdf' },
    };
    await page.route(`**${BENCH_PREFIX}*`, (route) => {
      const file = served[new URL(route.request().url()).pathname.slice(BENCH_PREFIX.length)];
      return file ? route.fulfill({ status: 200, body: file.body, contentType: file.contentType }) : route.fulfill({ status: 404 });
    });

    app.dialogPicks.push([pdfPath]);
    await page.getByRole('button', { name: 'Import sources', exact: true }).click();
    await page.locator('.import-panel .import-job', { hasText: 'Imported' }).waitFor({ timeout: 120_000 });
    const title = 'Port authority payments';

    const casebook: number[] = [];
    const alone: number[] = [];
    const read: number[] = [];
    let width = 0;
    for (let i = 0; i < RUNS; i++) {
      // Away from the source, then a reload: the next open starts cold (no pdf.js loaded, no document open).
      await page.locator('.sidebar').getByText('Briefing draft: precursor pipeline', { exact: true }).click();
      await page.reload();
      await app.ready();
      casebook.push(await casebookRun(page, title));
      // The same size as the reader drew page 1 (fit width), for pdf.js alone.
      width = await page.locator('.pdf-page[data-page="1"] canvas').evaluate((c) => c.getBoundingClientRect().width);
      // Part of Casebook's time: the original read through main, here over the harness's CDP binding (JSON), in Electron a structured clone.
      read.push(
        await page.evaluate(async (title) => {
          const sha256 = document.querySelector('.source-meta .mono')!.getAttribute('title')!.replace(/^sha256 /, '');
          const api = (window as unknown as { casebook: { originalsRead(r: { sha256: string }): Promise<{ ok: boolean }> } }).casebook;
          const start = performance.now();
          const result = await api.originalsRead({ sha256 });
          if (!result.ok) throw new Error(`${title}: the original could not be read`);
          return performance.now() - start;
        }, title),
      );
      await page.locator('.sidebar').getByText('Briefing draft: precursor pipeline', { exact: true }).click();
      await page.reload();
      await app.ready();
      alone.push(await pdfjsRun(page, width));
    }
    const ratio = median(casebook) / median(alone);
    console.log(`  Casebook page view   ${fmt(median(casebook)).padStart(7)}   ${spread(casebook, fmt)}`);
    console.log(`    of which reading the original through the test harness   ${fmt(median(read))}   ${spread(read, fmt)}`);
    console.log(`  pdf.js alone         ${fmt(median(alone)).padStart(7)}   ${spread(alone, fmt)}`);
    console.log(`\n  Casebook / pdf.js alone: ${ratio.toFixed(2)}×`);
    if (app.pageErrors.length) console.log(`  page errors: ${app.pageErrors.map((e) => e.message).join('; ')}`);
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
