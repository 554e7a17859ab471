#!/usr/bin/env node
/**
 * Fills in (or corrects) the `start`/`end` offsets of every quote in the seed
 * data, so that `article.slice(start, end) === quote` holds.
 *
 *   node scripts/seed-offsets.mjs           rewrite shared/seed/{entities,relations}.json
 *   node scripts/seed-offsets.mjs --check   change nothing; exit 1 if any offset is stale
 *
 * Quotes are authored as text; offsets are UTF-16 code-unit indices (what a
 * JavaScript string uses). A quote that occurs more than once in the article
 * may carry `"occurrence": n` (1-based, default 1) to pick which one it
 * means; prefer a longer, unique quote instead. Nothing but `start` and `end`
 * is ever changed. Any quote that cannot be found verbatim (or whose
 * occurrence does not exist) is listed and the script exits non-zero without
 * writing anything.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seedDir = new URL('../shared/seed/', import.meta.url);
const checkOnly = process.argv.includes('--check');

const readJson = (name) => JSON.parse(readFileSync(new URL(name, seedDir), 'utf8'));

const caseFile = readJson('case.json');
const textFile = caseFile?.source?.textFile;
if (typeof textFile !== 'string' || textFile === '') {
  console.error('seed-offsets: case.json has no source.textFile');
  process.exit(2);
}
const article = readFileSync(new URL(textFile, seedDir), 'utf8');

/** All start indices of `needle` in `haystack`, overlapping matches included. */
function occurrences(haystack, needle) {
  const found = [];
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    found.push(i);
  }
  return found;
}

/**
 * Explains the usual reason a copied quote is not found: the article has
 * curly quotes/apostrophes, an en dash and a few no-break spaces (U+00A0)
 * where a retyped quote has ASCII ones.
 */
function nearMissHint(quote) {
  const fold = (s) =>
    s
      .replace(/[\u00a0\u2007\u202f]/g, ' ')
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2013\u2014]/g, '-');
  const at = fold(article).indexOf(fold(quote));
  if (at === -1) return '';
  const actual = article.slice(at, at + quote.length);
  const diffs = [];
  for (let i = 0; i < quote.length; i++) {
    if (quote[i] !== actual[i]) {
      const code = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      diffs.push(`offset ${at + i}: article has ${code(actual[i])}, quote has ${code(quote[i])}`);
    }
  }
  return `\n      found at ${at} once punctuation/spaces are folded; ${diffs.join('; ')}`;
}

/** Rebuild a quote object with start/end in place, keeping every other key and its order. */
function withOffsets(q, start, end) {
  const out = {};
  let placed = false;
  for (const [key, value] of Object.entries(q)) {
    if (key === 'start' || key === 'end') continue;
    out[key] = value;
    if (key === 'quote') {
      out.start = start;
      out.end = end;
      placed = true;
    }
  }
  if (!placed) {
    out.start = start;
    out.end = end;
  }
  return out;
}

/**
 * Pretty JSON, with invisible or look-alike spaces written as \u escapes so a
 * reader can see them (the article has a few no-break spaces, U+00A0, and a
 * quote must reproduce them to match).
 */
const toJson = (value) =>
  `${JSON.stringify(value, null, 2)}\n`.replace(
    /[\u00a0\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const failures = [];
const ambiguous = [];
let total = 0;
let changed = 0;

function processFile(name) {
  const records = readJson(name);
  if (!Array.isArray(records)) {
    failures.push(`${name}: expected a JSON array`);
    return { name, records };
  }
  for (const record of records) {
    const id = record?.id ?? '(no id)';
    if (!Array.isArray(record?.quotes)) continue;
    record.quotes = record.quotes.map((q, i) => {
      const where = `${name} ${id} quotes[${i}]`;
      total += 1;
      if (typeof q?.quote !== 'string' || q.quote === '') {
        failures.push(`${where}: quote text is missing or empty`);
        return q;
      }
      const occurrence = q.occurrence ?? 1;
      if (!Number.isInteger(occurrence) || occurrence < 1) {
        failures.push(`${where}: occurrence must be a positive integer, got ${JSON.stringify(q.occurrence)}`);
        return q;
      }
      const hits = occurrences(article, q.quote);
      if (hits.length === 0) {
        failures.push(`${where}: not found verbatim: ${JSON.stringify(q.quote)}${nearMissHint(q.quote)}`);
        return q;
      }
      if (occurrence > hits.length) {
        failures.push(
          `${where}: occurrence ${occurrence} requested but the text occurs ${hits.length} time(s): ${JSON.stringify(q.quote)}`,
        );
        return q;
      }
      if (hits.length > 1 && q.occurrence === undefined) {
        ambiguous.push(`${where}: occurs ${hits.length} times, using the first: ${JSON.stringify(q.quote)}`);
      }
      const start = hits[occurrence - 1];
      const end = start + q.quote.length;
      if (q.start !== start || q.end !== end) changed += 1;
      return withOffsets(q, start, end);
    });
  }
  return { name, records };
}

const results = ['entities.json', 'relations.json'].map(processFile);

for (const line of ambiguous) console.warn(`seed-offsets: warning: ${line}`);

if (failures.length > 0) {
  console.error(`seed-offsets: ${failures.length} quote(s) could not be placed in ${textFile}:`);
  for (const line of failures) console.error(`  - ${line}`);
  console.error('seed-offsets: nothing was written.');
  process.exit(1);
}

if (checkOnly) {
  if (changed > 0) {
    console.error(`seed-offsets: ${changed} of ${total} quote offsets are stale; run node scripts/seed-offsets.mjs`);
    process.exit(1);
  }
  console.log(`seed-offsets: all ${total} quote offsets are correct.`);
} else {
  for (const { name, records } of results) {
    writeFileSync(new URL(name, seedDir), toJson(records), 'utf8');
  }
  console.log(
    `seed-offsets: ${total} quotes placed (${changed} updated) in ${fileURLToPath(seedDir)}{entities,relations}.json`,
  );
}
