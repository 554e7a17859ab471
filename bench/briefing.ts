import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { exportBriefingPdf, type BriefingPrintOptions } from '../electron/services/export/briefing-pdf';
import type { BriefingModel } from '../shared/briefing/model';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../tests/e2e/chromium';
import { cdpPrinter, offlineScriptlessContext } from '../tests/fixtures/cdp-print';
import { seedBriefing } from '../tests/shared/briefing/briefing-fixture';

const require = createRequire(import.meta.url);
const readPackageFile = async (modulePath: string) => new Uint8Array(readFileSync(require.resolve(modulePath)));
const RUNS = 3;
/** Copies of the seeded case's notes (the briefing draft and a cited field note): about 100 pages. */
const COPIES = 40;

/** The seeded briefing with its notes repeated into a long report, with redaction on. */
function longBriefing(): BriefingModel {
  const { model } = seedBriefing({ redact: true });
  const notes = Array.from({ length: COPIES }, (_, i) => model.notes.map((n) => ({ ...n, id: `${n.id}-${i}`, title: `${n.title} (${i + 1})` }))).flat();
  return { ...model, notes };
}

const best = (runs: number[]) => Math.min(...runs);
const fmt = (ms: number) => `${(ms / 1000).toFixed(2).padStart(6)} s`;

export async function main(): Promise<void> {
  assertChromium();
  console.log('\nBriefing export benchmark: a ~100-page briefing (the seeded notes repeated, citations, appendices, redaction on),');
  console.log(`Casebook's whole export vs printing its final HTML once with Chromium alone, best of ${RUNS}, same browser, same run.\n`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const print = cdpPrinter(await offlineScriptlessContext(browser));
    const model = longBriefing();
    let last: { html: string; options: BriefingPrintOptions } | undefined;
    const recording = (html: string, options: BriefingPrintOptions) => {
      last = { html, options };
      return print(html, options);
    };

    const totals: number[] = [];
    let pages = 0;
    let printings = 0;
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await exportBriefingPdf(model, { print: recording, readPackageFile });
      totals.push(performance.now() - started);
      pages = result.pageCount;
      printings = result.printings;
    }
    const alone: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await print(last!.html, last!.options);
      alone.push(performance.now() - started);
    }
    const ratio = best(totals) / best(alone);
    console.log(`  pages                              ${String(pages).padStart(6)}`);
    console.log(`  Casebook export (compose, ${printings} printings, read back, redaction check)  ${fmt(best(totals))}   runs: ${totals.map((t) => (t / 1000).toFixed(2)).join(', ')}`);
    console.log(`  Chromium alone, final HTML once    ${fmt(best(alone))}   runs: ${alone.map((t) => (t / 1000).toFixed(2)).join(', ')}`);
    console.log(`\n  export / Chromium alone: ${ratio.toFixed(2)}×   (goal: under 1.30×)`);
  } finally {
    await browser.close();
  }
}
