import { Extraction, extractCandidates } from '../shared/linking/extract';
import type { Tagger } from '../shared/linking/extract-tagger';
import { winkLexiconTagger, winkTagger } from '../shared/linking/extract-wink';
import { mixedCorpus } from '../tests/fixtures/extraction/corpus';
import { labelledTexts, measure } from '../tests/fixtures/extraction/quality';
import { compromiseTagger } from './extraction-compromise';

/**
 * `npm run bench` (extraction): candidate extraction on a 10 MB mixed corpus
 * (a field report, a news story, a technical note with headers and code, the
 * seed article, drawn paragraph by paragraph), median of 5 runs with the
 * spread, in wall and CPU time, as MB/s and as a ratio to a reference
 * measured in the same run: finding the corpus's words with one regular
 * expression (the least any extractor must do). Then the taggers side by
 * side on the same rules: speed on a 512 KB slice, precision and recall on
 * the hand-labelled texts (tests/fixtures/extraction). Figures only.
 */

const MB = 1024 * 1024;
const RUNS = 5;

interface Timed {
  wall: number[];
  cpu: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const spread = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} ms`;
const rate = (chars: number, ms: number) => chars / MB / (ms / 1000);

function time(runs: number, work: () => unknown): Timed {
  const timed: Timed = { wall: [], cpu: [] };
  for (let run = 0; run < runs; run++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    work();
    timed.wall.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    timed.cpu.push((cpu.user + cpu.system) / 1000);
  }
  return timed;
}

function line(label: string, chars: number, timed: Timed): string {
  const wall = median(timed.wall);
  const cpu = median(timed.cpu);
  return `  ${label.padEnd(30)} ${rate(chars, wall).toFixed(2).padStart(7)} MB/s wall (${spread(timed.wall)})   ${rate(chars, cpu).toFixed(2).padStart(7)} MB/s cpu (${spread(timed.cpu)})`;
}

const WORDS = /\p{L}[\p{L}\p{M}'’-]*/gu;

export async function main(): Promise<void> {
  console.log(`\nCandidate extraction: 10 MB mixed corpus, median of ${RUNS} runs (spread in brackets):`);
  const text = mixedCorpus(10 * MB);
  // Load the tagger's model and warm the word caches once, as the worker does on its first document.
  extractCandidates(text.slice(0, 64 * 1024));

  const reference = time(RUNS, () => text.match(WORDS)?.length);
  let slices = 0;
  let found = 0;
  const ours = time(RUNS, () => {
    const extraction = new Extraction(text);
    slices = 0;
    while (!extraction.step()) slices += 1;
    found = extraction.candidates().length;
  });
  console.log(`  text                           ${(text.length / MB).toFixed(1)} MB (${text.length.toLocaleString('en')} UTF-16 units), read in ${slices + 1} slices, ${found} candidates`);
  console.log(line('extraction (whole document)', text.length, ours));
  console.log(line('reference: one regex for words', text.length, reference));
  console.log(`\n  extraction / reference: ${(median(ours.wall) / median(reference.wall)).toFixed(1)}× wall, ${(median(ours.cpu) / median(reference.cpu)).toFixed(1)}× cpu`);
  console.log(`  goal: ≥ 1 MB/s on one core → ${rate(text.length, median(ours.cpu)) >= 1 ? 'met' : 'NOT met'} (${rate(text.length, median(ours.cpu)).toFixed(2)} MB/s per CPU second)`);

  const taggers: Tagger[] = [winkLexiconTagger, winkTagger, compromiseTagger];
  const sample = text.slice(0, 512 * 1024);
  console.log(`\n  Taggers on the same rules (512 KB slice, median of ${RUNS}; quality on the labelled texts):`);
  const speeds = new Map<Tagger, number>();
  for (const tagger of taggers) {
    extractCandidates('Warm up with Anne Milgram in Wuhan.', { tagger });
    const timed = time(RUNS, () => extractCandidates(sample, { tagger }));
    speeds.set(tagger, median(timed.cpu));
    const quality = labelledTexts().map((labelled) => measure(labelled, extractCandidates(labelled.text, { tagger })));
    const proposed = quality.reduce((s, q) => s + q.proposed, 0);
    const truePositives = quality.reduce((s, q) => s + q.truePositives, 0);
    const entities = quality.reduce((s, q) => s + q.entities, 0);
    const recalled = quality.reduce((s, q) => s + q.found, 0);
    const typed = quality.reduce((s, q) => s + q.typedRight, 0);
    console.log(
      `${line(tagger.name, sample.length, timed)}\n${''.padEnd(34)}precision ${(truePositives / proposed).toFixed(2)} (${truePositives}/${proposed}), recall ${(recalled / entities).toFixed(2)} (${recalled}/${entities}), typed right ${typed}/${recalled}`,
    );
    for (const [i, q] of quality.entries()) {
      const file = labelledTexts()[i]!.file;
      console.log(`${''.padEnd(34)}${file.padEnd(20)} P ${q.precision.toFixed(2)} R ${q.recall.toFixed(2)}${q.falsePositives.length ? `  wrong: ${q.falsePositives.join('; ')}` : ''}${q.missed.length ? `  missed: ${q.missed.join('; ')}` : ''}`);
    }
  }
  const base = speeds.get(winkLexiconTagger)!;
  console.log(`\n  cpu time vs the app's (${winkLexiconTagger.name}): ${taggers.map((t) => `${t.name} ${(speeds.get(t)! / base).toFixed(1)}×`).join(', ')}`);
}
