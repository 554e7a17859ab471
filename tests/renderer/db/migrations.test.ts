import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/db/database';
import { readCaseSnapshot } from '../../../renderer/db/snapshot';
import { saveNoteContent } from '../../../renderer/db/notes';
import { deleteEntity } from '../../../renderer/db/delete-entity';
import { listTrash } from '../../../renderer/db/trash';
import { caseSnapshotSchema } from '../../../shared/export/case-snapshot';
import { noteTextAndMentions } from '../../../shared/editor/document';
import { foldText, nameKeysFor, searchKeysFor } from '../../../shared/linking/normalize';
import type { Note } from '../../../shared/model';
import { freshDatabase, uniqueName } from './fresh-db';
import { loadFixture, type FixtureDb } from './fixture-db';
import { SHIPPED } from './shipped-schemas';

type Row = Record<string, unknown>;
const readFixture = (version: number): FixtureDb => JSON.parse(readFileSync(join(__dirname, '../../fixtures/db', `v${version}.json`), 'utf8')) as FixtureDb;
const keyOf = (table: string) => (table === 'sourceBodies' ? 'sourceId' : table === 'caseStats' ? 'caseId' : table === 'meta' ? 'key' : 'id');
const sortBy = (key: string) => (a: Row, b: Row) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0);

/** What today's code must find after opening a fixture: its rows, in today's shapes. */
function expectedTables(fixture: FixtureDb): Record<string, Row[]> {
  const expected: Record<string, Row[]> = {};
  for (const table of new Set(SCHEMA_VERSIONS.flatMap((v) => Object.keys(v.stores)))) expected[table] = structuredClone(fixture.tables[table] ?? []);
  if (fixture.version < 2) {
    // v2 moved each source's text and HTML into its own sourceBodies row.
    expected.sourceBodies = fixture.tables.sources!.map((s) => ({ sourceId: s.id, caseId: s.caseId, text: s.text ?? '', ...(s.html ? { html: s.html } : {}) }));
    expected.sources = fixture.tables.sources!.map(({ text: _t, html: _h, ...source }) => source);
  }
  return expected;
}

describe('migrations: every shipped version’s fixture opens with today’s code, every record intact', () => {
  it('has a fixture for every shipped version', () => {
    for (const { version } of SHIPPED) expect(readFixture(version).version).toBe(version);
  });

  it.each(SHIPPED.map((s) => [s.version]))('v%i', async (version) => {
    const fixture = readFixture(version);
    expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(Object.assign({}, ...SHIPPED.filter((s) => s.version <= version).map((s) => s.stores))).sort());
    const name = uniqueName(`fixture-v${version}`);
    await loadFixture(name, fixture);

    const db = freshDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);

    // Every table: the same rows, count and content, in today's shape.
    const expected = expectedTables(fixture);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(expected).sort());
    for (const [table, rows] of Object.entries(expected)) {
      const actual = (await db.table(table).toArray()) as Row[];
      expect(actual.length, `${table} count`).toBe(rows.length);
      expect(actual.sort(sortBy(keyOf(table))), table).toEqual(rows.sort(sortBy(keyOf(table))));
    }
    expect(fixture.tables.notes!.length).toBeGreaterThan(1);
    expect(fixture.tables.citations!.length).toBeGreaterThan(0);
    expect(await db.sources.filter((s) => 'text' in s || 'html' in s).count()).toBe(0);
    expect((await db.sourceBodies.toArray()).every((b) => typeof b.text === 'string' && b.text.length > 0)).toBe(true);

    // Each record as today's code reads it: entities' derived keys, notes' text and mentions.
    for (const e of await db.entities.toArray()) {
      expect(e.nameKeys, e.name).toEqual(nameKeysFor([e.name, ...e.aliases]));
      expect(e.searchKeys, e.name).toEqual(searchKeysFor([e.name, ...e.aliases]));
      expect(e.sortName, e.name).toBe(foldText(e.name).trim());
    }
    for (const note of (await db.notes.toArray()) as Note[]) {
      const derived = noteTextAndMentions(note, note.content);
      expect(note.text, note.title).toBe(derived.text);
      const stored = await db.mentions.where('[targetKind+targetId]').equals(['note', note.id]).toArray();
      expect(stored.map((m) => [m.entityId, m.start, m.end]).sort(), note.title).toEqual(derived.mentions.map((m) => [m.entityId, m.start, m.end]).sort());
      expect((await db.citations.where('noteId').equals(note.id).toArray()).map((c) => c.id).sort()).toEqual(derived.citations.map((c) => c.id).sort());
    }
    const counts = (await db.caseStats.toArray())[0]!.entityCounts;
    expect(Object.values(counts).reduce((a, b) => a + (b ?? 0), 0)).toBe(await db.entities.count());

    // Each case passes the backup schema, so it can be backed up and exported.
    for (const c of await db.cases.toArray()) {
      const snapshot = await readCaseSnapshot(db, c.id);
      const parsed = caseSnapshotSchema.safeParse(snapshot);
      expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
    }

    // And today's features work on the upgraded records: a save keeps history, a delete goes to the Trash.
    const note = (await db.notes.toArray()).find((n) => n.text.length > 0)!;
    await saveNoteContent(db, note.id, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rewritten after the upgrade.' }] }] });
    const before = (fixture.tables.noteVersions ?? []).filter((v) => v.noteId === note.id).length;
    expect(await db.noteVersions.where('[noteId+savedAt]').between([note.id, -Infinity], [note.id, Infinity]).count()).toBe(before + 1);
    const entity = (await db.entities.toCollection().first())!;
    const trashed = (await listTrash(db, entity.caseId)).length;
    await deleteEntity(db, entity.id);
    expect((await listTrash(db, entity.caseId)).map((i) => i.title)).toContain(entity.name);
    expect(await listTrash(db, entity.caseId)).toHaveLength(trashed + 1);
  });
});
