import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { exportBriefingPdf, type BriefingPrintOptions, type BriefingProgress } from '../electron/services/export/briefing-pdf';
import type { BriefingModel } from '../shared/briefing/model';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from '../tests/e2e/chromium';
import { cdpPrinter, offlineScriptlessContext } from '../tests/fixtures/cdp-print';
import { seedBriefing } from '../tests/shared/briefing/briefing-fixture';
import { median, spread } from './stats';

const require = createRequire(import.meta.url);
const readPackageFile = async (modulePath: string) => new Uint8Array(readFileSync(require.resolve(modulePath)));
const RUNS = 5;
/** Copies of the seeded case's notes (the briefing draft and a cited field note): about 100 pages. */
const COPIES = 40;

/** The seeded briefing with its notes repeated into a long report, with redaction on. */
function longBriefing(): BriefingModel {
  const { model } = seedBriefing({ redact: true });
  const notes = Array.from({ length: COPIES }, (_, i) => model.notes.map((n) => ({ ...n, id: `${n.id}-${i}`, title: `${n.title} (${i + 1})` }))).flat();
  return { ...model, notes };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * `npm run bench` (briefing): Casebook's whole export of a ~100-page briefing
 * against Chromium printing the export's final HTML once, alternating in each
 * run so both see the same machine load. Figures only.
 */
export async function main(): Promise<void> {
  assertChromium();
  console.log('\nBriefing export benchmark: a ~100-page briefing (the seeded notes repeated, citations, appendices, redaction on),');
  console.log(`Casebook's whole export vs Chromium printing the same final HTML once, ${RUNS} runs, each a ratio measured in the same run.\n`);
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
    const alone: number[] = [];
    const ratios: number[] = [];
    const stages: Record<string, number[]> = { compose: [], print: [], number: [] };
    let pages = 0;
    let printings = 0;
    for (let i = 0; i < RUNS; i++) {
      const marks: [BriefingProgress['stage'], number][] = [];
      const started = performance.now();
      const result = await exportBriefingPdf(model, { print: recording, readPackageFile, onProgress: (p) => marks.push([p.stage, performance.now()]) });
      const ended = performance.now();
      totals.push(ended - started);
      const at = (stage: string) => marks.find(([s]) => s === stage)?.[1] ?? ended;
      stages.compose!.push(at('printing') - started);
      stages.print!.push(at('numbering') - at('printing'));
      stages.number!.push(ended - at('numbering'));
      pages = result.pageCount;
      printings = result.printings;
      const t = performance.now();
      await print(last!.html, last!.options);
      alone.push(performance.now() - t);
      ratios.push(totals.at(-1)! / alone.at(-1)!);
    }
    const line = (name: string, v: number[]) => console.log(`  ${name.padEnd(44)}${s(median(v)).padStart(9)}   ${spread(v, s)}`);
    console.log(`  pages ${pages}, printings ${printings}\n`);
    line('Casebook export, whole', totals);
    line('  compose + fonts', stages.compose!);
    line('  printing', stages.print!);
    line('  numbering + redaction read-back', stages.number!);
    line('Chromium alone, final HTML once', alone);
    console.log(`\n  export / Chromium alone (per run): median ${median(ratios).toFixed(2)}×   ${spread(ratios, (r) => `${r.toFixed(2)}×`)}   (goal: ≤ 1.30×)`);
  } finally {
    await browser.close();
  }
}
