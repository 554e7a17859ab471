import Database from 'better-sqlite3';
import { createSearchIndex, loadSearchIndex, parseQuery, type SearchIndex } from '../shared/search/index';
import { entityPassages, notePassages, sourcePassages, type Passages } from '../shared/search/passages';
import { buildSearchCorpus, type SearchCorpus } from './search-corpus';

/**
 * `npm run bench` (search): our index against SQLite FTS5 on one synthetic
 * case (10,000 notes, 1,000 sources, 50,000 entities, ~100 MB of text) and
 * 200 fixed queries, measured in the same run. Figures only; no pass/fail.
 * Run node with --expose-gc for exact memory figures.
 */

const LIMIT = 20;
const WARMUP = 20;

interface Figures {
  buildMs: number;
  memoryMb: number;
  p50: number;
  p95: number;
  withHits: number;
}

const gc = (): void => {
  const collect = (globalThis as { gc?: () => void }).gc;
  collect?.();
  collect?.();
};
const heapMb = (): number => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
};

function timeQueries(queries: string[], run: (q: string) => number): { p50: number; p95: number; withHits: number } {
  for (const q of queries.slice(0, WARMUP)) run(q);
  const times: number[] = [];
  let withHits = 0;
  for (const q of queries) {
    const start = performance.now();
    if (run(q) > 0) withHits++;
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), withHits };
}

function benchOurs(corpus: SearchCorpus): { figures: Figures; index: SearchIndex } {
  const before = heapMb();
  const start = performance.now();
  const index = createSearchIndex();
  for (const note of corpus.notes) index.add({ kind: 'note', note });
  for (const source of corpus.sources) index.add({ kind: 'source', source });
  for (const entity of corpus.entities) index.add({ kind: 'entity', entity });
  const buildMs = performance.now() - start;
  const memoryMb = heapMb() - before;
  const q = timeQueries(corpus.queries, (query) => index.search(query, { limit: LIMIT }).length);
  return { figures: { buildMs, memoryMb, ...q }, index };
}

/** The same query in FTS5's syntax: words ANDed, prefix `word*`, "phrases", NOT. Typos have no FTS5 equivalent. */
export function toFts5(query: string): string {
  const q = parseQuery(query);
  const parts = q.terms.map((t) => `"${t.text}"${t.prefix ? '*' : ''}`);
  for (const p of q.phrases) parts.push(`"${p.join(' ')}"`);
  let match = parts.join(' ');
  for (const e of q.excludedTerms) match += ` NOT "${e}"`;
  for (const e of q.excludedPhrases) match += ` NOT "${e.join(' ')}"`;
  return match;
}

function benchFts5(passages: Passages[], queries: string[]): Figures {
  const db = new Database(':memory:');
  const before = heapMb();
  const start = performance.now();
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')`);
  const insert = db.prepare('INSERT INTO docs(title, body) VALUES (?, ?)');
  db.transaction(() => {
    for (const p of passages) for (const d of p.docs) insert.run(d.title, p.text.slice(d.start, d.end));
  })();
  db.exec(`INSERT INTO docs(docs) VALUES ('optimize')`);
  const buildMs = performance.now() - start;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  // The database holds its own copy of the text (FTS5 content table); our index does not.
  const memoryMb = (pages * pageSize) / 2 ** 20 + Math.max(0, heapMb() - before);
  const select = db.prepare(
    `SELECT rowid, snippet(docs, 1, '[', ']', '…', 24) AS snippet FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 3.0, 1.0) LIMIT ${LIMIT}`,
  );
  const q = timeQueries(queries, (query) => {
    const match = toFts5(query);
    return match ? select.all(match).length : 0;
  });
  db.close();
  return { buildMs, memoryMb, ...q };
}

const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0).padStart(8)} ms`;
const row = (name: string, f: Figures) =>
  `  ${name.padEnd(26)}${ms(f.buildMs)}${`${f.memoryMb.toFixed(0)} MB`.padStart(10)}${ms(f.p50)}${ms(f.p95)}${String(f.withHits).padStart(8)}`;

export async function main(): Promise<void> {
  console.log('Casebook search benchmark: one synthetic case, 200 fixed queries, top 20 hits with snippets.');
  if (!(globalThis as { gc?: unknown }).gc) console.log('  (run node with --expose-gc for exact memory figures)');
  let start = performance.now();
  const corpus = buildSearchCorpus();
  console.log(
    `  corpus: ${corpus.notes.length} notes, ${corpus.sources.length} sources, ${corpus.entities.length} entities, ` +
      `${(corpus.totalChars / 1e6).toFixed(0)} MB of text (built in ${((performance.now() - start) / 1000).toFixed(1)} s)\n`,
  );

  const { figures: ours, index } = benchOurs(corpus);
  console.log(`  ${''.padEnd(26)}${'build'.padStart(11)}${'memory'.padStart(10)}${'p50'.padStart(11)}${'p95'.padStart(11)}${'hits'.padStart(8)}`);
  console.log(row('ours (MiniSearch)', ours));

  start = performance.now();
  const snapshot = JSON.stringify(index.toJSON());
  const saveMs = performance.now() - start;
  start = performance.now();
  const reloaded = loadSearchIndex(snapshot);
  const loadMs = performance.now() - start;
  const snapshotMb = snapshot.length / 2 ** 20;

  const passages = [...corpus.notes.map(notePassages), ...corpus.sources.map(sourcePassages), ...corpus.entities.map(entityPassages)];
  const fts = benchFts5(passages, corpus.queries);
  console.log(row('SQLite FTS5 (reference)', fts));
  console.log(
    `\n  documents: ${index.documentCount} (passages, notes, entities); snapshot ${snapshotMb.toFixed(0)} MB, ` +
      `saved in ${(saveMs / 1000).toFixed(1)} s, loaded in ${(loadMs / 1000).toFixed(1)} s${reloaded ? '' : ' (FAILED)'}`,
  );
  console.log('  FTS5 memory is its database (which stores the text); ours excludes the text, which the case holds anyway.');
  console.log('  FTS5 has no typo tolerance: typo queries run as plain words there.');
  console.log(`\n  p95 ours / FTS5: ${(ours.p95 / fts.p95).toFixed(2)}×   (goal: under 2×)`);
}
