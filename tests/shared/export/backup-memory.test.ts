import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_LIMITS } from '../../../shared/export/backup';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../../shared/export/backup-manifest';
import { sha256Hex } from '../../../shared/export/sha256';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
/** Main's heap in this test: small, so a decode that parses what it should have refused runs out and crashes. */
const HEAP_MB = 256;

/** Decodes the backup at argv[2] with the default limits and prints the outcome and the peak resident memory. */
const CHILD = `
import { readFileSync } from 'node:fs';
import { decodeBackup } from './shared/export/backup';
const result = await decodeBackup(new Uint8Array(readFileSync(process.argv[2])));
const outcome = result.ok ? { ok: true, notes: result.value.snapshot.notes.length } : { ok: false, code: result.error.code, message: result.error.message };
process.stdout.write(JSON.stringify({ ...outcome, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
`;

let dir: string;
let script: string;

/** A backup whose case.json is `caseJson` as given, with a manifest that vouches for it (a hostile tool can compute a checksum). */
async function backupFile(name: string, caseJson: string, notes: number, entities = 0, mentions = 0): Promise<string> {
  const caseBytes = strToU8(caseJson);
  const manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: '2024-05-01T00:00:00.000Z',
    appVersion: 'test',
    caseId: 'case-1',
    caseTitle: 'Large',
    counts: { notes, sources: 0, sourceBodies: 0, entities, relations: 0, mentions, citations: 0, candidates: 0 },
    caseSha256: await sha256Hex(caseBytes),
    originals: [],
  };
  const path = join(dir, name);
  writeFileSync(path, zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'case.json': [caseBytes, { level: 1 }] }));
  return path;
}

const emptyCase = { case: { id: 'case-1', title: 'Large', summary: '', createdAt: 1, updatedAt: 1 }, notes: [], sources: [], sourceBodies: [], entities: [], relations: [], mentions: [], citations: [], candidates: [] };

async function decodeInChild(path: string): Promise<{ ok: boolean; code?: string; message?: string; notes?: number; maxRssMb: number }> {
  const { stdout } = await promisify(execFile)(process.execPath, [`--max-old-space-size=${HEAP_MB}`, script, path], { maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'casebook-backup-memory-'));
  script = join(dir, 'decode.mjs');
  const bundle = await build({ stdin: { contents: CHILD, resolveDir: REPO_ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' });
  writeFileSync(script, bundle.outputFiles[0]!.text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('restoring a backup in main within a bounded heap', () => {
  it(`refuses a case.json of millions of empty objects with a typed error instead of running out of a ${HEAP_MB} MB heap`, async () => {
    // Three bytes of JSON per object, each some tens of bytes once parsed and hundreds once zod has copied it:
    // a file of a few hundred kilobytes that used to take main's heap past any limit.
    const objects = 3_001_000; // just over DEFAULT_BACKUP_LIMITS.maxCaseContainers
    expect(objects).toBeGreaterThan(DEFAULT_BACKUP_LIMITS.maxCaseContainers);
    const note = { id: 'note-1', caseId: 'case-1', title: 'Hostile', content: { type: 'doc', content: 'FILL' }, text: '', createdAt: 1, updatedAt: 1 };
    const caseJson = JSON.stringify({ ...emptyCase, notes: [note] }).replace('"FILL"', `[${'{},'.repeat(objects - 1)}{}]`);
    const path = await backupFile('hostile.casebook', caseJson, 1);
    const outcome = await decodeInChild(path);
    expect(outcome).toMatchObject({ ok: false, code: 'too-large' });
    expect(outcome.message).toMatch(/case is too large to restore at once: its data holds more than 3,000,000 objects and lists/);
  }, 60_000);

  it(`still restores a large realistic case within the same heap`, async () => {
    const notes = 3000;
    const rows = Array.from({ length: notes }, (_, i) => ({
      note: {
        id: `note-${i}`, caseId: 'case-1', title: `Note ${i}`, text: 'Paragraph text '.repeat(20), createdAt: 1, updatedAt: 1,
        content: { type: 'doc', content: Array.from({ length: 8 }, (_, p) => ({ type: 'paragraph', content: [{ type: 'text', text: `Paragraph ${p} of note ${i} mentions ` }, { type: 'entityMention', attrs: { entityId: `entity-${i}`, label: 'Someone', entityType: 'Person' } }, { type: 'text', marks: [{ type: 'bold' }], text: ' and more.' }] })) },
      },
      entity: { id: `entity-${i}`, caseId: 'case-1', type: 'Person', name: `Person ${i}`, aliases: [`P${i}`], description: 'Of interest.', properties: { nationality: 'X' }, protected: false, quotes: [], createdAt: 1, updatedAt: 1 },
      mention: { id: `mention-${i}`, caseId: 'case-1', entityId: `entity-${i}`, targetKind: 'note', targetId: `note-${i}`, start: 10, end: 17, snippet: 'mentions Someone', status: 'confirmed' },
    }));
    const caseJson = JSON.stringify({ ...emptyCase, notes: rows.map((r) => r.note), entities: rows.map((r) => r.entity), mentions: rows.map((r) => r.mention) });
    const outcome = await decodeInChild(await backupFile('large.casebook', caseJson, notes, notes, notes));
    expect(outcome).toMatchObject({ ok: true, notes });
  }, 60_000);
});
