#!/usr/bin/env node
/**
 * Static check of the built app with Electronegativity (@doyensec/electronegativity).
 * Fails (exit 1) on any finding above LOW that the config does not suppress,
 * and on any file it could not parse (a file it skipped is a file it did not check).
 *
 *   npm run security:static            scan, print findings, exit non-zero on failure
 *   npm run security:static -- --keep  also keep the staged folder to inspect
 *
 * What is scanned, and why this way:
 * - main and preload, bundled from electron/ exactly as scripts/build-electron.mjs
 *   does (same entry points, 'electron' external), but written as `.js` with
 *   syntax lowered to ES2020: Electronegativity only reads .js/.ts/.html files
 *   (not .cjs) and its Babel parser rejects class private fields. Only syntax
 *   changes; every Electron API call it looks for is the shipped one. Module
 *   markers esbuild writes (`// electron/main/window.ts`) map each finding back
 *   to its source file for the report and for narrow suppressions.
 * - the built renderer (dist/renderer: index.html with its CSP meta, and the
 *   bundles), built first with `vite build` if it is missing.
 * - package.json, from which it reads the Electron version.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, transform } from 'esbuild';
import { findRepoRoot } from './build-common.mjs';
import config from './electronegativity.config.mjs';

const root = findRepoRoot(import.meta.url);
const require = createRequire(import.meta.url);
const keep = process.argv.includes('--keep');

const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

async function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-electronegativity-'));
  await Promise.all(
    [
      ['electron/main/index.ts', 'electron/main.js', ['electron', 'pdfjs-dist']],
      ['electron/preload/index.ts', 'electron/preload.js', ['electron']],
    ].map(([entry, out, external]) =>
      build({
        entryPoints: [entry],
        outfile: join(dir, out),
        absWorkingDir: root,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'es2020',
        external,
        logLevel: 'error',
      }),
    ),
  );
  writeFileSync(join(dir, 'package.json'), readFileSync(join(root, 'package.json')));

  const renderer = join(root, 'dist', 'renderer');
  if (!existsSync(join(renderer, 'index.html'))) {
    console.log('dist/renderer is missing: building the renderer first (vite build)…');
    const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error('vite build failed');
  }
  cpSync(renderer, join(dir, 'renderer'), { recursive: true, filter: (src) => !src.endsWith('.map') });
  // The scanner's parser predates private class members (`#field`, as pdf.js writes them): lower them,
  // keeping everything else as it is, so every bundle is read rather than skipped as unparsable.
  const assets = join(dir, 'renderer', 'assets');
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    if (!name.endsWith('.js') && !name.endsWith('.mjs')) continue;
    const file = join(assets, name);
    const { code } = await transform(readFileSync(file, 'utf8'), { loader: 'js', target: 'es2021', supported: { 'top-level-await': true }, logLevel: 'error' });
    writeFileSync(file, code);
  }
  return dir;
}

/** The original source of a bundle line: the nearest `// path/to/file.ts` marker above it. */
function sourceOf(lines, lineNumber) {
  for (let i = Math.min(lineNumber, lines.length) - 1; i >= 0; i--) {
    const marker = /^\/\/ ((?:node_modules|electron|shared|renderer)\/\S+)$/.exec(lines[i]);
    if (marker) return marker[1];
  }
  return null;
}

function suppressionFor(issue) {
  return config.suppress.find(
    (rule) => rule.checks.includes(issue.id) && issue.source && rule.source.test(issue.source) && rule.line.test(issue.lineText),
  );
}

async function main() {
  const dir = await stage();
  try {
    const run = require('@doyensec/electronegativity');
    const result = await run(
      { input: dir, isRelative: true, customScan: [], excludeFromScan: config.excludeChecks, parserPlugins: [] },
      false,
    );
    const fileLines = new Map();
    const linesOf = (file) => {
      if (!fileLines.has(file)) {
        const path = join(dir, file);
        fileLines.set(file, existsSync(path) ? readFileSync(path, 'utf8').split('\n') : []);
      }
      return fileLines.get(file);
    };
    const findings = result.issues.map((issue) => {
      const lines = issue.file && issue.file !== 'N/A' ? linesOf(issue.file) : [];
      const line = issue.location?.line ?? 0;
      const enriched = {
        id: issue.id,
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        file: issue.file,
        line,
        source: issue.file?.startsWith('electron/') ? sourceOf(lines, line) : issue.file,
        lineText: (lines[line - 1] ?? '').trim(),
        description: issue.description,
        manualReview: issue.manualReview,
      };
      enriched.suppressed = suppressionFor(enriched) ?? null;
      enriched.fails = SEVERITY[enriched.severity] > SEVERITY[config.failAbove] && !enriched.suppressed;
      return enriched;
    });

    console.log(`Electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks over ${readdirSync(dir, { recursive: true }).length} staged files.`);
    for (const f of findings.sort((a, b) => SEVERITY[b.severity] - SEVERITY[a.severity])) {
      const status = f.fails ? 'FAIL' : f.suppressed ? 'suppressed' : 'ok (≤ ' + config.failAbove + ')';
      console.log(`\n[${status}] ${f.id} ${f.severity}/${f.confidence}${f.manualReview ? ' (review)' : ''}`);
      console.log(`  at ${f.file}:${f.line}${f.source && f.source !== f.file ? ` (from ${f.source})` : ''}`);
      if (f.lineText) console.log(`  ${f.lineText.slice(0, 160)}`);
      console.log(`  ${f.description}`);
      if (f.suppressed) console.log(`  why suppressed: ${f.suppressed.why}`);
    }
    const unparsed = result.errors.filter((e) => !e.tolerable);
    for (const e of unparsed) console.log(`\n[FAIL] could not parse ${e.file}: ${e.message}`);

    const failing = findings.filter((f) => f.fails);
    if (failing.length || unparsed.length) {
      console.error(`\nsecurity:static failed: ${failing.length} finding(s) above ${config.failAbove}, ${unparsed.length} file(s) not parsed.`);
      process.exitCode = 1;
    } else {
      console.log(`\nsecurity:static passed: no finding above ${config.failAbove} (${findings.length} reported, ${findings.filter((f) => f.suppressed).length} suppressed by scripts/electronegativity.config.mjs).`);
    }
  } finally {
    if (keep) console.log(`Staged files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
