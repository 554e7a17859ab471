import { buildRenderer } from '../tests/e2e/build-renderer';
import { createProfile, launchApp, type LaunchedApp } from '../tests/e2e/harness';
import { populate } from './populate';

const RUNS = 7;
const LARGE = { notes: 10_000, entities: 50_000 };

/** Reloads the app `RUNS` times and returns the median time from navigation to ready. */
async function medianStartup(app: LaunchedApp): Promise<{ median: number; runs: number[] }> {
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    await app.page.reload();
    await app.ready();
    runs.push(await app.page.evaluate(() => performance.getEntriesByName('casebook:ready')[0]!.startTime));
  }
  const sorted = [...runs].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, runs };
}

const fmt = (ms: number) => `${ms.toFixed(0).padStart(5)} ms`;

export async function main(): Promise<void> {
  console.log('Casebook startup benchmark: time from navigation until the seeded case is shown and the editor is ready,');
  console.log(`median of ${RUNS} reloads in headless Chromium (production renderer build).\n`);
  await buildRenderer();
  const app = await launchApp({ profile: await createProfile() });
  try {
    const caseId = await app.page.evaluate(() => document.querySelector('[data-case-id]')!.getAttribute('data-case-id')!);
    const small = await medianStartup(app);
    console.log(`  seeded case                          ${fmt(small.median)}   runs: ${small.runs.map((r) => r.toFixed(0)).join(', ')}`);

    await populate(app.page, caseId, LARGE);
    const large = await medianStartup(app);
    console.log(`  + 10,000 notes and 50,000 entities   ${fmt(large.median)}   runs: ${large.runs.map((r) => r.toFixed(0)).join(', ')}`);
    const ratio = large.median / small.median;
    console.log(`\n  large store / seeded case: ${ratio.toFixed(2)}×   (goal: under 1.30×)`);
  } finally {
    await app.close();
  }
}
