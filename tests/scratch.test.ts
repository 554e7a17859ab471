import { writeFileSync } from 'node:fs';
import { it } from 'vitest';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/chromium';
import { parsePdf } from '../electron/services/import/pdf/index';
import { DEFAULT_LIMITS } from '../electron/services/import/types';

it('prints', async () => {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage();
  const para = 'The port au&shy;tho&shy;rity inves&shy;ti&shy;ga&shy;tion found that payments rou&shy;ted through shell com&shy;pa&shy;nies in Cyprus and Latvia reached officials between 2016 and 2019, according to documents reviewed by reporters.';
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>body{font:12pt serif;width:5.2cm;hyphens:manual;text-align:justify} p{margin:0 0 8pt}</style></head><body>
  <h1>Port authority payments</h1>
  ${Array.from({length: 14}, (_, i) => `<p>${i}: ${para} The inves&shy;tigation con&shy;tinued through accoun&shy;tants and regu&shy;lators who de&shy;clined to com&shy;ment on the matter at all. Well-known brokers said nothing.</p>`).join('')}
  </body></html>`;
  await page.setContent(html);
  const pdf = await page.pdf({ format: 'A5', displayHeaderFooter: true, headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Harbour Investigations — Confidential draft</div>', footerTemplate: '<div style="font-size:8px;width:100%;text-align:center">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>', margin: { top: '2cm', bottom: '2cm', left: '1.5cm', right: '1.5cm' } });
  writeFileSync('/tmp/pdfx/h.pdf', pdf);
  await browser.close();
  const doc = await parsePdf({ bytes: new Uint8Array(pdf), fileName: 'h.pdf', limits: DEFAULT_LIMITS });
  writeFileSync('/tmp/pdfx/h.json', JSON.stringify(doc, null, 1));
}, 60000);
