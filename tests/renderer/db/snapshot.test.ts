import { describe, expect, it } from 'vitest';
import { freshDatabase } from './fresh-db';
import { seededCase } from '../../shared/export/case-fixture';
import { readCaseSnapshot, RestoreError, writeCaseSnapshot } from '../../../renderer/db/snapshot';
import { checkCitation } from '../../../renderer/db/citations';
import { countEntitiesByType } from '../../../renderer/db/entities';
import { decodeBackup, encodeBackup } from '../../../shared/export/backup';
import { caseSnapshotSchema, type CaseSnapshot } from '../../../shared/export/case-snapshot';
import type { IdMaps } from '../../../shared/export/remap-snapshot';
import type { CasebookDexie } from '../../../renderer/db/database';

const TABLES = ['notes', 'sources', 'sourceBodies', 'entities', 'relations', 'mentions', 'citations', 'candidates'] as const;

/** The snapshot with every table in a stable order, so two reads compare whatever their ids. */
function sorted(snapshot: CaseSnapshot): CaseSnapshot {
  const key = (row: object) => ('id' in row ? String(row.id) : String((row as { sourceId: string }).sourceId));
  const copy = { ...snapshot } as Record<string, unknown>;
  for (const t of TABLES) copy[t] = [...snapshot[t]].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return copy as unknown as CaseSnapshot;
}

/**
 * The original with its ids replaced as the restore says it replaced them,
 * written independently of the code under test: every string equal to an old
 * id becomes the new id, as do the two composite ids the store builds.
 */
function expectedAfterRemap(original: CaseSnapshot, ids: IdMaps, titleSuffix = ''): CaseSnapshot {
  const all = new Map<string, string>();
  for (const map of [ids.case, ids.notes, ids.sources, ids.entities, ids.relations, ids.mentions, ids.citationNodes]) for (const [a, b] of map) all.set(a, b);
  const newCase = ids.case.get(original.case.id)!;
  const swap = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      if (key === 'id' && value.startsWith(`${original.case.id}:`)) return `${newCase}:${value.slice(original.case.id.length + 1)}`;
      const colon = value.indexOf(':');
      if (key === 'id' && colon > 0 && ids.notes.has(value.slice(0, colon))) return `${ids.notes.get(value.slice(0, colon))}:${all.get(value.slice(colon + 1))}`;
      return all.get(value) ?? value;
    }
    if (Array.isArray(value)) return value.map((v) => swap(v));
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v, k)]));
    return value;
  };
  const swapped = swap(original) as CaseSnapshot;
  return { ...swapped, case: { ...swapped.case, title: `${original.case.title}${titleSuffix}` } };
}

async function tableCounts(db: CasebookDexie): Promise<number[]> {
  return Promise.all([db.cases, db.notes, db.sources, db.sourceBodies, db.entities, db.relations, db.mentions, db.citations, db.candidates, db.caseStats].map((t) => t.count()));
}

async function expectCitationsValid(db: CasebookDexie, snapshot: CaseSnapshot) {
  expect(snapshot.citations.length).toBeGreaterThan(0);
  for (const c of snapshot.citations) {
    const body = snapshot.sourceBodies.find((b) => b.sourceId === c.sourceId)!;
    expect(body.text.slice(c.start, c.end)).toBe(c.quote);
    expect(await checkCitation(db, c, c.caseId)).toEqual({ status: 'ok' });
  }
}

describe('case snapshots', () => {
  it('reads every table of the case, without the derived entity keys, and passes its own schema', async () => {
    const { snapshot } = await seededCase();
    for (const t of TABLES) expect(snapshot[t].length, t).toBeGreaterThan(0);
    expect(snapshot.entities[0]).not.toHaveProperty('nameKeys');
    expect(snapshot.entities[0]).not.toHaveProperty('sortName');
    expect(snapshot.notes.some((n) => n.deletedAt)).toBe(true);
    expect(caseSnapshotSchema.safeParse(snapshot).success).toBe(true);
  });

  it('round-trips through backup bytes into an empty store: every field, counters, originals, under fresh ids', async () => {
    const { db, snapshot, originals } = await seededCase();
    const bytes = await encodeBackup(snapshot, originals, { appVersion: '0.1.0' });
    const decoded = await decodeBackup(bytes);
    if (!decoded.ok) throw new Error(decoded.error.message);
    for (const [sha, original] of originals) expect(decoded.value.originals.get(sha)).toEqual(original);

    const target = freshDatabase();
    const result = await writeCaseSnapshot(target, decoded.value.snapshot);
    expect(result.caseId).not.toBe(snapshot.case.id);
    const restored = (await readCaseSnapshot(target, result.caseId))!;
    // Not beside itself: the title is kept.
    expect(sorted(restored)).toEqual(sorted(expectedAfterRemap(snapshot, result.ids)));
    expect(await countEntitiesByType(target, result.caseId)).toEqual(await countEntitiesByType(db, snapshot.case.id));
    // The derived keys were rebuilt by the store's own hook.
    const stored = (await target.entities.get(result.ids.entities.get(snapshot.entities[0]!.id)!))!;
    expect(stored.nameKeys.length).toBeGreaterThan(0);
    await expectCitationsValid(target, restored);
  });

  it('restores under fresh ids everywhere, including inside note documents', async () => {
    const { snapshot } = await seededCase();
    const target = freshDatabase();
    const result = await writeCaseSnapshot(target, snapshot);
    const restored = (await readCaseSnapshot(target, result.caseId))!;
    expect(sorted(restored)).toEqual(sorted(expectedAfterRemap(snapshot, result.ids)));

    // No old id survives anywhere in the copy.
    const oldIds = new Set([snapshot.case.id, ...snapshot.notes.map((n) => n.id), ...snapshot.sources.map((s) => s.id), ...snapshot.entities.map((e) => e.id)]);
    const json = JSON.stringify(restored);
    for (const id of oldIds) expect(json.includes(`"${id}"`), id).toBe(false);
    // Note documents point at the copy's entities and sources.
    const entityIds = new Set(restored.entities.map((e) => e.id));
    const mentioned = [...json.matchAll(/"entityId":"([^"]+)"/g)].map((m) => m[1]!);
    expect(mentioned.length).toBeGreaterThan(0);
    for (const id of mentioned) expect(entityIds.has(id), id).toBe(true);
    await expectCitationsValid(target, restored);
  });

  it('restoring into the store the case came from adds a new case and leaves the original untouched', async () => {
    const { db, caseId, snapshot } = await seededCase();
    const result = await writeCaseSnapshot(db, snapshot);
    expect(result.caseId).not.toBe(caseId);
    expect(await readCaseSnapshot(db, caseId)).toEqual(snapshot);
    expect(await db.cases.count()).toBe(2);
    const copy = (await readCaseSnapshot(db, result.caseId))!;
    expect(sorted(copy)).toEqual(sorted(expectedAfterRemap(snapshot, result.ids, ' (restored)')));
    expect((await countEntitiesByType(db, result.caseId)).Person).toBe(snapshot.entities.filter((e) => e.type === 'Person').length);
    await expectCitationsValid(db, copy);
  });

  it('gives fresh ids even when only a record id is taken (a case deleted, its rows not yet)', async () => {
    const { db, caseId, snapshot } = await seededCase();
    await db.cases.delete(caseId);
    const result = await writeCaseSnapshot(db, snapshot);
    expect(result.caseId).not.toBe(caseId);
    expect(await db.entities.get(snapshot.entities[0]!.id)).toMatchObject({ caseId });
  });

  it('writes nothing at all when a write fails part way', async () => {
    const { snapshot } = await seededCase();
    const target = freshDatabase();
    // Two mentions with one id: the clash comes after cases, notes, sources and entities are written.
    const broken = { ...snapshot, mentions: [...snapshot.mentions, { ...snapshot.mentions[0]! }] };
    const before = await tableCounts(target);
    const failure = await writeCaseSnapshot(target, broken).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RestoreError);
    expect((failure as RestoreError).code).toBe('conflict');
    expect(await tableCounts(target)).toEqual(before);
  });
});
