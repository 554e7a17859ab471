// `npm run bench`: bundles the TypeScript benchmarks with esbuild (node
// dependencies stay external) and runs them. Benchmarks print figures; they
// never pass or fail on time.
import { build } from 'esbuild';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const BENCHES = ['bench/startup.ts', 'bench/pdf-import.ts', 'bench/import-formats.ts', 'bench/linker.ts', 'bench/extraction.ts', 'bench/search.ts', 'bench/briefing.ts', 'bench/pdf-first-page.ts', 'bench/typing.ts'];
// `npm run bench -- typing search` runs only the benchmarks whose file names contain one of the words.
const only = process.argv.slice(2);

// Two levels below the repo, like tests/e2e/, so the harness's relative
// paths (dist/renderer, test-results/) resolve the same from the bundle.
const outdir = 'dist/bench';
for (const entry of BENCHES.filter((b) => only.length === 0 || only.some((word) => b.includes(word)))) {
  const outfile = join(outdir, entry.replace(/^bench[/\\]/, '').replace(/\.ts$/, '.mjs'));
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  const { main } = await import(pathToFileURL(join(process.cwd(), outfile)).href);
  await main();
}
