import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { createSearchIndex, loadSearchIndex, parseQuery, type SearchIndex } from '../shared/search/index';
import { entityPassages, notePassages, sourcePassages, type Passages } from '../shared/search/passages';
import { buildSearchCorpus, FULL_CORPUS, type QueryKind, type SearchCorpus } from './search-corpus';

/**
 * `npm run bench` (search): our index against SQLite FTS5 on one synthetic
 * case (10,000 notes, 1,000 sources, 50,000 entities, ~100 MB of text) and
 * 230 fixed queries, both engines timed query by query in the same runs.
 * Figures only; no pass/fail. Per query kind: p50, p95, p99, as the median
 * of RUNS runs with the spread (min–max) beside it. Then reopening: the
 * saved index read back (v8 serialization, which IndexedDB's structured
 * clone uses) until the first query answers, against FTS5 opening its file.
 * Run node with --expose-gc for exact memory figures. BENCH_SEARCH_SCALE=0.2
 * runs a smaller case.
 */

const LIMIT = 20;
const WARMUP = 20;
const RUNS = 5;
const KINDS: QueryKind[] = ['word', 'prefix', 'phrase', 'fuzzy', 'filtered'];

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};
/** Heap plus typed arrays' buffers (the index's postings live there, outside the JS heap). */
const memoryMb = (): number => {
  gc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};
const median = (values: number[]) => percentile(values, 0.5);

function buildOurs(corpus: SearchCorpus): { index: SearchIndex; buildMs: number; memoryMb: number } {
  const before = memoryMb();
  const start = performance.now();
  const index = createSearchIndex();
  for (const note of corpus.notes) index.add({ kind: 'note', note });
  for (const source of corpus.sources) index.add({ kind: 'source', source });
  for (const entity of corpus.entities) index.add({ kind: 'entity', entity });
  const buildMs = performance.now() - start;
  return { index, buildMs, memoryMb: memoryMb() - before };
}

/** The same query in FTS5's syntax (words ANDed, `word*`, "phrases", NOT) and its filters as columns. Typos have no FTS5 equivalent. */
export function toFts5(query: string): { match: string; kinds: string[]; types: string[] } {
  const q = parseQuery(query);
  const parts = q.terms.map((t) => `"${t.text}"${t.prefix ? '*' : ''}`);
  for (const p of q.phrases) parts.push(`"${p.join(' ')}"`);
  let match = parts.join(' ');
  for (const e of q.excludedTerms) match += ` NOT "${e}"`;
  for (const e of q.excludedPhrases) match += ` NOT "${e.join(' ')}"`;
  return { match, kinds: q.kinds, types: q.types };
}

function buildFts5(file: string, passages: Passages[]): { db: Database.Database; buildMs: number; memoryMb: number } {
  const db = new Database(file);
  const before = memoryMb();
  const start = performance.now();
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, kind UNINDEXED, type UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO docs(title, body, kind, type) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const p of passages) for (const d of p.docs) insert.run(d.title, p.text.slice(d.start, d.end), d.kind, d.type);
  })();
  db.exec(`INSERT INTO docs(docs) VALUES ('optimize')`);
  const buildMs = performance.now() - start;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  // The database holds its own copy of the text (FTS5 content table); our index does not.
  return { db, buildMs, memoryMb: (pages * pageSize) / 2 ** 20 + Math.max(0, memoryMb() - before) };
}

function fts5Runner(db: Database.Database): (query: string) => number {
  const statements = new Map<string, Database.Statement>();
  const statement = (kinds: number, types: number) => {
    const key = `${kinds}/${types}`;
    let s = statements.get(key);
    if (!s) {
      const where = [kinds ? `kind IN (${new Array(kinds).fill('?').join(',')})` : '', types ? `type IN (${new Array(types).fill('?').join(',')})` : ''].filter(Boolean);
      s = db.prepare(
        `SELECT rowid, snippet(docs, 1, '[', ']', '…', 24) AS snippet FROM docs WHERE docs MATCH ?${where.map((w) => ` AND ${w}`).join('')} ORDER BY bm25(docs, 3.0, 1.0) LIMIT ${LIMIT}`,
      );
      statements.set(key, s);
    }
    return s;
  };
  return (query) => {
    const { match, kinds, types } = toFts5(query);
    return match ? statement(kinds.length, types.length).all(match, ...kinds, ...types).length : 0;
  };
}

type Percentiles = { p50: number; p95: number; p99: number };
const percentilesOf = (times: number[]): Percentiles => ({ p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99) });

/** One run: every query on both engines, alternating, so both see the same machine. Per kind, each engine's percentiles. */
function run(corpus: SearchCorpus, ours: (q: string) => number, fts: (q: string) => number) {
  const times = { ours: new Map<QueryKind, number[]>(), fts: new Map<QueryKind, number[]>() };
  corpus.queries.forEach((q, i) => {
    const kind = corpus.queryKinds[i]!;
    for (const [name, engine] of [['ours', ours], ['fts', fts]] as const) {
      const start = performance.now();
      engine(q);
      const took = performance.now() - start;
      const list = times[name].get(kind) ?? [];
      list.push(took);
      times[name].set(kind, list);
    }
  });
  const out = new Map<QueryKind, { ours: Percentiles; fts: Percentiles }>();
  for (const kind of KINDS) out.set(kind, { ours: percentilesOf(times.ours.get(kind) ?? [0]), fts: percentilesOf(times.fts.get(kind) ?? [0]) });
  return out;
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
/** Median of the runs, with their spread. */
const spread = (values: number[], format = ms) => `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
const ratio = (v: number) => `${v.toFixed(2)}×`;

export async function main(): Promise<void> {
  const scale = Number(process.env.BENCH_SEARCH_SCALE ?? 1);
  const size = scale === 1 ? FULL_CORPUS : { ...FULL_CORPUS, notes: Math.round(FULL_CORPUS.notes * scale), sources: Math.round(FULL_CORPUS.sources * scale), entities: Math.round(FULL_CORPUS.entities * scale) };
  console.log(`Casebook search benchmark: one synthetic case, ${RUNS} runs of 230 fixed queries on both engines, top ${LIMIT} hits with snippets.`);
  if (!(globalThis as { gc?: unknown }).gc) console.log('  (run node with --expose-gc for exact memory figures)');
  let start = performance.now();
  const corpus = buildSearchCorpus(size);
  console.log(
    `  corpus: ${corpus.notes.length} notes, ${corpus.sources.length} sources, ${corpus.entities.length} entities, ` +
      `${(corpus.totalChars / 1e6).toFixed(0)} MB of text (built in ${((performance.now() - start) / 1000).toFixed(1)} s)`,
  );

  const ours = buildOurs(corpus);
  const dir = mkdtempSync(join(tmpdir(), 'casebook-bench-search-'));
  const file = join(dir, 'fts5.sqlite');
  const passages = [...corpus.notes.map(notePassages), ...corpus.sources.map(sourcePassages), ...corpus.entities.map(entityPassages)];
  const fts = buildFts5(file, passages);
  console.log(`  build: ours ${(ours.buildMs / 1000).toFixed(1)} s, ${ours.memoryMb.toFixed(0)} MB; FTS5 ${(fts.buildMs / 1000).toFixed(1)} s, ${fts.memoryMb.toFixed(0)} MB (its database, with the text)`);

  const searchOurs = (index: SearchIndex) => (q: string) => index.search(q, { limit: LIMIT }).length;
  const searchFts = fts5Runner(fts.db);
  for (const q of corpus.queries.slice(0, WARMUP)) {
    searchOurs(ours.index)(q);
    searchFts(q);
  }
  const runs = Array.from({ length: RUNS }, () => run(corpus, searchOurs(ours.index), searchFts));

  console.log(`\n  ms per query, median of ${RUNS} runs (min–max); ratio = ours / FTS5 per run, median (min–max)`);
  console.log(`  ${'kind'.padEnd(9)}${'n'.padStart(4)}  ${'ours p50'.padEnd(18)}${'ours p95'.padEnd(18)}${'ours p99'.padEnd(18)}${'FTS5 p95'.padEnd(18)}${'p95 ratio'.padEnd(22)}p99 ratio`);
  for (const kind of KINDS) {
    const of = (engine: 'ours' | 'fts', p: keyof Percentiles) => runs.map((r) => r.get(kind)![engine][p]);
    const ratios = (p: keyof Percentiles) => runs.map((r) => r.get(kind)!.ours[p] / Math.max(r.get(kind)!.fts[p], 1e-3));
    const n = corpus.queryKinds.filter((k) => k === kind).length;
    console.log(
      `  ${kind.padEnd(9)}${String(n).padStart(4)}  ${spread(of('ours', 'p50')).padEnd(18)}${spread(of('ours', 'p95')).padEnd(18)}${spread(of('ours', 'p99')).padEnd(18)}` +
        `${spread(of('fts', 'p95')).padEnd(18)}${spread(ratios('p95'), ratio).padEnd(22)}${spread(ratios('p99'), ratio)}${kind === 'fuzzy' ? '  *' : ''}`,
    );
  }
  console.log(
    '  * not comparable: FTS5 has no typo tolerance, so a typo runs there as a plain word that matches next to nothing;\n' +
      '    ours looks up near spellings (edit distance 1–2) over the whole dictionary. Judge fuzzy by its absolute times.',
  );

  // Reopen: the snapshot as IndexedDB would hand it back, loaded, then the first query answered.
  start = performance.now();
  const bytes = serialize(ours.index.snapshot());
  const saveMs = performance.now() - start;
  fts.db.close();
  const reopen: number[] = [];
  const reopenFts: number[] = [];
  let reopenMemory = 0;
  const firstQuery = corpus.queries[0]!;
  const kept: SearchIndex[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = memoryMb();
    start = performance.now();
    const loaded = loadSearchIndex(deserialize(bytes));
    if (!loaded) throw new Error('the saved index did not load');
    searchOurs(loaded)(firstQuery);
    reopen.push(performance.now() - start);
    kept.push(loaded); // measured while alive
    // The first load only: later ones may reuse memory an earlier index left to the collector.
    if (i === 0) reopenMemory = memoryMb() - before;
    kept.length = 0;
    start = performance.now();
    const db = new Database(file, { readonly: true });
    fts5Runner(db)(firstQuery);
    reopenFts.push(performance.now() - start);
    db.close();
  }
  console.log(
    `\n  reopen to first answer: ours ${spread(reopen)} ms (saved index ${(bytes.length / 2 ** 20).toFixed(0)} MB, saved in ${ms(saveMs)} ms, ` +
      `${reopenMemory.toFixed(0)} MB once loaded, texts aside); FTS5 ${spread(reopenFts)} ms; rebuilding instead took ${(ours.buildMs / 1000).toFixed(1)} s`,
  );
  console.log('  (a loaded index holds no texts: hits read theirs from the database, at most 64 MB of them kept)');
  rmSync(dir, { recursive: true, force: true });
}
