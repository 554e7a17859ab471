import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPdf, pageText, pdfAssets } from '../../../../electron/services/import/pdf/index';
import { alignItems, type ItemRun } from '../../../../renderer/features/sources/pdf/text-layer-map';
import { longReportHtml, pagedHtml, startPdfPrinter } from '../../../electron/services/import/pdf/print';

/** The text items pdf.js gives for each page, as the importer and the reader's text layer read them (getTextContent's defaults). */
async function itemsOf(bytes: Uint8Array): Promise<(TextItem | TextMarkedContent)[][]> {
  const { doc, close } = await openPdf(bytes.slice(), pdfAssets());
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items);
    return pages;
  } finally {
    await close();
  }
}

const strsOf = (items: readonly (TextItem | TextMarkedContent)[]) => items.filter((i): i is TextItem => 'str' in i).map((i) => i.str);

/** Every run is the same characters on both sides, and every character of the page that is not whitespace is covered once. */
function expectExact(runs: ItemRun[], strs: readonly string[], text: string) {
  const covered = new Array<number>(text.length).fill(0);
  let last = -1;
  for (const run of runs) {
    expect(strs[run.item]!.slice(run.itemOffset, run.itemOffset + run.length)).toBe(text.slice(run.textOffset, run.textOffset + run.length));
    expect(run.textOffset).toBeGreaterThan(last);
    last = run.textOffset + run.length - 1;
    for (let i = run.textOffset; i < run.textOffset + run.length; i++) covered[i]! += 1;
  }
  const missed = [...text].filter((c, i) => !/\s/.test(c) && covered[i] !== 1);
  expect(missed).toEqual([]);
}

let printed: { name: string; bytes: Uint8Array }[];
beforeAll(async () => {
  const printer = await startPdfPrinter();
  try {
    printed = [
      { name: 'dossier', bytes: await printer.print(pagedHtml('Harbour dossier', [['José Núñez met Zoë Ångström in Москва on 3 March.', 'They discussed   the contract.'], ['Λευκωσία — Ørsted Holdings; 武汉 trading.']]), { format: 'A5' }) },
      { name: 'report', bytes: await printer.print(longReportHtml(3)) },
      {
        name: 'columns',
        bytes: await printer.print(
          `<!doctype html><html><body style="font:11pt serif"><div style="columns:2;width:16cm;text-align:justify;hyphens:manual">${'The port au&shy;tho&shy;rity inves&shy;ti&shy;ga&shy;tion found pay&shy;ments in Cyprus. '.repeat(40)}</div><table><tr><td>Date</td><td>Amount</td></tr><tr><td>3 March</td><td>$53.4 million</td></tr></table></body></html>`,
        ),
      },
    ];
  } finally {
    await printer.close();
  }
}, 120_000);

describe('alignItems: text layer characters to the stored page text', () => {
  it('maps every page of Chromium-printed PDFs exactly onto the text the importer stores', async () => {
    for (const { name, bytes } of printed) {
      const pages = await itemsOf(bytes);
      expect(pages.length, name).toBeGreaterThan(0);
      for (const items of pages) {
        const text = pageText(items);
        const strs = strsOf(items);
        const runs = alignItems(strs, text);
        expect(runs, name).not.toBeNull();
        expectExact(runs!, strs, text);
      }
    }
  });

  it('follows the importer through gaps, collapsed whitespace and dropped control characters', () => {
    const strs = ['Golden', 'Lotus  Trading\u0007', ' ', '', 'Ltd.\u00a0 said', 'no'];
    const text = 'Golden Lotus Trading Ltd. said\nno';
    const runs = alignItems(strs, text)!;
    expectExact(runs, strs, text);
    expect(runs.find((r) => r.item === 4)).toMatchObject({ itemOffset: 0, textOffset: text.indexOf('Ltd.') });
  });

  it('refuses a page whose stored text says something else, rather than mark the wrong words', () => {
    expect(alignItems(['Golden Lotus'], 'Golden Lotos')).toBeNull();
    expect(alignItems(['Golden'], 'Golden Lotus')).toBeNull();
    expect(alignItems(['Golden Lotus', 'Trading'], 'Golden Lotus')).toBeNull();
    expect(alignItems([], '')).toEqual([]);
  });
});
