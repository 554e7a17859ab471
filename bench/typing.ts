import { writeFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { noteTextAndMentions } from '../shared/editor/document';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium';
import { buildRenderer } from '../tests/e2e/build-renderer';
import { createProfile, launchApp } from '../tests/e2e/harness';
import { BIG_NOTE, bigNoteContent, type CitedSource } from './big-note';
import { populate } from './populate';
import { median, percentile, spread } from './stats';

/**
 * `npm run bench` (typing): keystroke latency on a big note, as a user meets
 * it. Casebook opens a 50,000-word note with 2,000 mentions and 200
 * citations; 200 characters are typed at its end, then 200 in its middle,
 * at a brisk typist's pace with a short pause every 20 characters (long
 * enough for the autosave to start, so keystrokes land on saves as they do
 * in real use). Each keystroke is timed from its keydown to the next paint
 * (`event.timeStamp` to a task queued from `requestAnimationFrame`), and
 * long tasks are recorded throughout, saving included (and those that
 * overlap a save, which the editor marks with a performance measure). Two
 * bare TipTap editors on the same content do the same in the same run: one
 * with Casebook's own node extensions (the goal's reference), one with
 * StarterKit alone (bench/bare-editor.ts). Figures only; never pass/fail.
 * Median of BENCH_RUNS runs (5 by default) with the spread.
 * TYPING_PROFILE=dir writes CPU profiles of the first run's phases.
 */

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHARS = 200;
const GAP_MS = 60;
const PAUSE_EVERY = 20;
/** Longer than the autosave's 500 ms debounce: the next keystroke lands while it runs. */
const PAUSE_MS = 560;
const TYPED = 'the broker moved the shipment through the port at night and paid the courier in cash ';

type Where = 'end' | 'middle';

interface Phase {
  latencies: number[];
  longTasks: number[];
  /** The longest task that overlapped a note save (Casebook only; 0 when none was long). */
  longestDuringSave: number;
  saves: number;
}

/** Installs the keydown → next paint probe and a long-task recorder. */
function installProbe(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __long: { start: number; duration: number }[]; __observing?: boolean };
    w.__lat = [];
    w.__long = [];
    if (!w.__observing) {
      w.__observing = true;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
    }
    // Marked on the root element: `setContent` reopens the document (same window and document objects, new
    // root), which drops the document's listeners.
    if (document.documentElement.dataset.probe) return;
    document.documentElement.dataset.probe = 'on';
    document.addEventListener(
      'keydown',
      (event) => {
        const t0 = event.timeStamp;
        requestAnimationFrame(() => {
          // The first task after the frame: the frame, paint included, is done.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => w.__lat.push(performance.now() - t0);
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });
}

/** Puts the caret at the end of the last paragraph with text, or of the middle one. */
async function placeCaret(page: Page, where: Where): Promise<void> {
  await page.evaluate((at) => {
    const root = document.querySelector('.ProseMirror') as HTMLElement;
    const blocks = [...root.children].filter((el) => el.tagName === 'P' && el.textContent);
    const block = at === 'end' ? blocks.at(-1)! : blocks[Math.floor(blocks.length / 2)]!;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!(n.parentElement?.closest('[data-entity-mention], cite'))) last = n as Text;
    root.focus();
    block.scrollIntoView({ block: 'center' });
    getSelection()!.collapse(last!, last!.length);
  }, where);
  // ProseMirror reads the DOM selection on selectionchange.
  await page.waitForTimeout(300);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function typePhase(page: Page, where: Where, settleMs: number): Promise<Phase> {
  await placeCaret(page, where);
  await installProbe(page);
  const started = await page.evaluate(() => performance.now());
  for (let i = 0; i < CHARS; i++) {
    await page.keyboard.type(TYPED[i % TYPED.length]!);
    const painted = await page.evaluate(
      (n) =>
        new Promise<boolean>((resolve) => {
          const until = performance.now() + 5000;
          const check = () => {
            if ((window as unknown as { __lat: number[] }).__lat.length >= n) resolve(true);
            else if (performance.now() > until) resolve(false);
            else setTimeout(check, 2);
          };
          check();
        }),
      i + 1,
    );
    if (!painted) {
      await page.screenshot({ path: '/tmp/typing-stuck.png' });
      throw new Error(`Keystroke ${i + 1} (${where}) was never painted: the editor lost focus? (/tmp/typing-stuck.png)`);
    }
    await sleep((i + 1) % PAUSE_EVERY === 0 ? PAUSE_MS : GAP_MS);
  }
  // Let the last save run: it counts as "while saving".
  await sleep(settleMs);
  return page.evaluate((from) => {
    const w = window as unknown as { __lat: number[]; __long: { start: number; duration: number }[] };
    const long = w.__long.filter((t) => t.start >= from);
    // Saves are timed by the editor (performance.measure 'casebook:note-save').
    const saves = performance.getEntriesByName('casebook:note-save').filter((m) => m.startTime >= from);
    const during = long.filter((t) => saves.some((m) => t.start < m.startTime + m.duration && m.startTime < t.start + t.duration));
    return { latencies: w.__lat, longTasks: long.map((t) => t.duration), longestDuringSave: Math.max(0, ...during.map((t) => t.duration)), saves: saves.length };
  }, started);
}

async function bareEditorScript(): Promise<string> {
  const result = await build({ entryPoints: ['bench/bare-editor.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'warning' });
  return result.outputFiles[0]!.text;
}

const BARE_HTML = `<!doctype html><html><head><style>
html, body { margin: 0; height: 100%; }
.scroll { height: 100vh; overflow: auto; }
.note-body { max-width: 720px; margin: 0 auto; padding: 24px 40px 120px; font: 16.5px/1.65 serif; outline: none; }
</style></head><body><div class="scroll"><div id="editor"></div></div></body></html>`;

const ms = (v: number) => `${v.toFixed(1)} ms`;

export async function main(): Promise<void> {
  console.log('\nTyping benchmark: keydown → next paint per keystroke on a 50,000-word note with 2,000 mentions and 200 citations,');
  console.log(`${CHARS} characters at the end and ${CHARS} in the middle (a pause every ${PAUSE_EVERY} so autosaves run), Casebook vs a bare TipTap`);
  console.log(`editor with Casebook's node extensions and one with StarterKit alone, on the same content, in each of ${RUNS} runs (headless Chromium, production build).\n`);
  await buildRenderer();
  const app = await launchApp({ profile: await createProfile() });
  const bareBrowser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    await app.ready();
    const { page } = app;
    const caseId = await page.evaluate(() => document.querySelector('[data-case-id]')!.getAttribute('data-case-id')!);
    const entities = (await populate(page, caseId, { notes: 0, entities: 200 })).map((e) => ({ id: e.id, name: e.name, type: e.type }));
    const source = await page.evaluate(
      (id) =>
        new Promise<CitedSource>((resolve, reject) => {
          const open = indexedDB.open('casebook');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['sources', 'sourceBodies']);
            const req = tx.objectStore('sources').index('caseId').getAll(id);
            req.onsuccess = () => {
              const s = req.result[0];
              const body = tx.objectStore('sourceBodies').get(s.id);
              body.onsuccess = () => resolve({ id: s.id, title: s.title, sha256: s.sha256, text: body.result.text });
            };
          };
        }),
      caseId,
    );
    const content = bigNoteContent(entities, source);
    const noteId = 'bench-big-note';
    const now = Date.now();
    const { text, mentions, citations } = noteTextAndMentions({ id: noteId, caseId }, content, now);
    const note = { id: noteId, caseId, title: 'Big note (typing benchmark)', content, text, createdAt: now, updatedAt: now };
    await page.evaluate(
      ([rows]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('casebook');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(['notes', 'mentions', 'citations', 'meta'], 'readwrite');
            tx.objectStore('notes').put(rows.note);
            for (const m of rows.mentions) tx.objectStore('mentions').put(m);
            for (const c of rows.citations) tx.objectStore('citations').put(c);
            tx.objectStore('meta').put({ key: 'ui', value: { caseId: rows.caseId, noteId: rows.note.id } });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [{ note, mentions, citations, caseId }] as const,
    );
    console.log(`  note: ${text.split(/\s+/).length.toLocaleString('en')} words, ${mentions.length} mentions, ${citations.length} citations (${BIG_NOTE.paragraphs} paragraphs)\n`);

    const bareScript = await bareEditorScript();
    const bare = await bareBrowser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

    const sides = ['app', 'nodes', 'starter'] as const;
    type Side = (typeof sides)[number];
    const label: Record<Side, string> = { app: 'Casebook', nodes: 'bare TipTap + Casebook nodes', starter: 'bare TipTap (StarterKit)' };
    const results: Record<Side, Record<Where, Phase[]>> = { app: { end: [], middle: [] }, nodes: { end: [], middle: [] }, starter: { end: [], middle: [] } };
    const p95 = (p: Phase) => percentile(p.latencies, 0.95);
    for (let run = 0; run < RUNS; run++) {
      await page.reload();
      await app.ready();
      await page.waitForSelector('.ProseMirror h2:nth-of-type(20)', { timeout: 60_000 });
      // Let start-up work (linking, search index) pass before typing.
      await sleep(4000);
      // TYPING_PROFILE=dir: a CPU profile of Casebook's page per phase of the first run, to find what costs.
      const profileDir = run === 0 ? process.env.TYPING_PROFILE : undefined;
      const cdp = profileDir ? await page.context().newCDPSession(page) : undefined;
      for (const where of ['end', 'middle'] as const) {
        if (cdp) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.setSamplingInterval', { interval: 200 })).then(() => cdp.send('Profiler.start'));
        results.app[where].push(await typePhase(page, where, 1500));
        if (cdp) await writeFile(`${profileDir}/typing-${where}.cpuprofile`, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      }
      await cdp?.detach();

      for (const kind of ['nodes', 'starter'] as const) {
        await bare.setContent(BARE_HTML);
        await bare.addScriptTag({ content: bareScript });
        await bare.evaluate(([c, k]) => window.__mountBareEditor(c, k), [content, kind] as const);
        await bare.waitForSelector('.ProseMirror h2:nth-of-type(20)');
        await sleep(1000);
        for (const where of ['end', 'middle'] as const) results[kind][where].push(await typePhase(bare, where, 300));
      }
      // Each run's own figures as it ends, so a long session shows progress (the summary below is what counts).
      const line = (where: Where) => sides.map((side) => `${side} ${p95(results[side][where].at(-1)!).toFixed(1)}`).join(', ');
      // The longest task while typing (saves included) and the longest one that overlapped a save, per side.
      const longest = (side: Side) => Math.max(0, ...(['end', 'middle'] as const).flatMap((where) => results[side][where].at(-1)!.longTasks));
      const longestSave = Math.max(...(['end', 'middle'] as const).map((where) => results.app[where].at(-1)!.longestDuringSave));
      console.log(`  run ${run + 1}/${RUNS}: p95 ms at the end: ${line('end')}; in the middle: ${line('middle')}`);
      console.log(`           longest task ms: ${sides.map((side) => `${side} ${longest(side).toFixed(0)}`).join(', ')} (app, overlapping a save: ${longestSave.toFixed(0)})`);
    }

    console.log(`\n  ${'keydown → next paint'.padEnd(40)}${'p50'.padStart(10)}${'p95'.padStart(10)}${'max'.padStart(10)}   p95 spread`);
    for (const where of ['end', 'middle'] as const) {
      for (const side of sides) {
        const phases = results[side][where];
        const p50 = median(phases.map((p) => percentile(p.latencies, 0.5)));
        const p95s = phases.map(p95);
        const max = median(phases.map((p) => Math.max(...p.latencies)));
        console.log(`  ${`${label[side]}, ${where}`.padEnd(40)}${ms(p50).padStart(10)}${ms(median(p95s)).padStart(10)}${ms(max).padStart(10)}   ${spread(p95s, ms)}`);
      }
      for (const reference of ['nodes', 'starter'] as const) {
        // Ratios within each run: both sides saw the same machine at the same time.
        const ratios = results.app[where].map((p, i) => p95(p) / p95(results[reference][where][i]!));
        const goal = reference === 'nodes' ? '   (goal: ≤ 1.3× and < 50 ms)' : '';
        console.log(`  p95 Casebook / ${label[reference]}, ${where}: median ${median(ratios).toFixed(2)}×   ${spread(ratios, (r) => `${r.toFixed(2)}×`)}${goal}`);
      }
      console.log('');
    }
    for (const side of sides) {
      const phases = [...results[side].end, ...results[side].middle];
      const longest = phases.map((p) => Math.max(0, ...p.longTasks));
      const over50 = phases.map((p) => p.longTasks.filter((d) => d > 50).length);
      console.log(`  long tasks, ${label[side]}: longest per phase median ${ms(median(longest))} (${spread(longest, ms)}); over 50 ms per phase: median ${median(over50)} (${spread(over50, String)})`);
    }
    const phases = [...results.app.end, ...results.app.middle];
    const duringSave = phases.map((p) => p.longestDuringSave);
    console.log(
      `  longest task overlapping a save, Casebook: median ${ms(median(duringSave))} (${spread(duringSave, ms)}); saves per phase: median ${median(phases.map((p) => p.saves))}`,
    );
    console.log('  (goal: no long task over 50 ms while typing or saving; long tasks are counted from 50 ms by the browser)');
  } finally {
    await bareBrowser.close();
    await app.close();
  }
}
