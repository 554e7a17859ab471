// `npm run bench`: bundles the TypeScript benchmarks with esbuild (node
// dependencies stay external) and runs them. Benchmarks print figures; they
// never pass or fail on time.
//
//   npm run bench                         every benchmark in BENCHES
//   npm run bench -- ocr pdf-import       only those
//   npm run bench -- real-files -- <dir>  an optional one, with its own arguments after --
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BENCHES = ['bench/startup.ts', 'bench/pdf-import.ts', 'bench/import-formats.ts', 'bench/ocr.ts', 'bench/linker.ts', 'bench/extraction.ts', 'bench/search.ts', 'bench/briefing.ts', 'bench/pdf-first-page.ts', 'bench/typing.ts'];
/** Run only when named: they need files that are not in the repository. */
const OPTIONAL = ['bench/real-files.ts'];

// `npm run bench -- typing search` runs only the benchmarks whose file names contain one of the words
// (an optional one only by its exact name); arguments after `--` go to the benchmarks.
const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const names = split >= 0 ? argv.slice(0, split) : argv;
const benchArgs = split >= 0 ? argv.slice(split + 1) : [];
const nameOf = (entry) => entry.replace(/^bench[/\\]/, '').replace(/\.ts$/, '');
const matches = (entry, word) => nameOf(entry) === word || (BENCHES.includes(entry) && entry.includes(word));
const unknown = names.filter((name) => ![...BENCHES, ...OPTIONAL].some((entry) => matches(entry, name)));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')} (known: ${[...BENCHES, ...OPTIONAL].map(nameOf).join(', ')})`);
  process.exit(1);
}
const chosen = names.length ? [...BENCHES, ...OPTIONAL].filter((entry) => names.some((name) => matches(entry, name))) : BENCHES;

// Two levels below the repo, like tests/e2e/, so the harness's relative
// paths (dist/renderer, test-results/) resolve the same from the bundle.
const outdir = 'dist/bench';
for (const entry of chosen) {
  const outfile = join(outdir, `${nameOf(entry)}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  const { main } = await import(pathToFileURL(join(process.cwd(), outfile)).href);
  await main(benchArgs);
}
