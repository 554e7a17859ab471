import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { JSONContent } from '@tiptap/core';
import type { CasebookDexie } from '../../../renderer/db/database';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { createNote, saveNoteContent } from '../../../renderer/db/notes';
import { addImportedSource } from '../../../renderer/db/sources';
import { SHIPPED } from './shipped-schemas';
import { VERSION_INTERVAL_MS } from '../../../renderer/db/history';
import { deleteEntity } from '../../../renderer/db/delete-entity';

/** A committed dump of a store as one schema version wrote it: every table, every row. */
export interface FixtureDb {
  version: number;
  /** What the store holds, for a reader of the JSON. */
  description: string;
  tables: Record<string, Record<string, unknown>[]>;
}

/** Tables (with their stores) a version declares, counting what earlier versions declared. */
export function storesUpTo(version: number): Record<string, string> {
  return Object.assign({}, ...SHIPPED.filter((v) => v.version <= version).map((v) => v.stores)) as Record<string, string>;
}

/** Writes a fixture into a fresh database declared with exactly its version's schema (no newer code involved). */
export async function loadFixture(name: string, fixture: FixtureDb): Promise<void> {
  const old = new Dexie(name);
  for (const v of SHIPPED.filter((s) => s.version <= fixture.version)) old.version(v.version).stores(v.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

/**
 * Builds the realistic store the fixtures hold, with today's code: the seeded
 * case, a note with mentions and a citation, an imported source, and a
 * candidate. Used once per shipped version to write its fixture (then
 * reshaped to that version by `asVersion`); the committed JSON is what the
 * migrations test reads, never this.
 */
export async function buildRealisticStore(db: CasebookDexie): Promise<void> {
  let clock = Date.UTC(2025, 0, 15, 9, 0, 0);
  const now = () => (clock += 1000);
  await ensureSeeded(db, now);
  const { caseId } = (await readSeedMarker(db))!;
  const article = (await db.sources.where('caseId').equals(caseId).first())!;
  const body = (await db.sourceBodies.get(article.id))!;
  const named = (await db.entities.where('[caseId+type]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray()).filter((e) => body.text.includes(e.name));
  const [first, second] = named;
  const start = body.text.indexOf(first!.name);
  const quote = body.text.slice(start, start + 80);
  const content: JSONContent = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Leads' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Check ' },
          { type: 'entityMention', attrs: { entityId: first!.id, label: first!.name, entityType: first!.type } },
          { type: 'text', text: ' against ' },
          { type: 'entityMention', attrs: { entityId: second!.id, label: second!.name, entityType: second!.type } },
          { type: 'text', text: '. ', marks: [{ type: 'bold' }] },
        ],
      },
      {
        type: 'blockquote',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: `${quote} ` },
              { type: 'citation', attrs: { citationId: 'cit-fixture-1', sourceId: article.id, start, end: start + 80, page: null, quote, sourceSha256: article.sha256, sourceTitle: article.title } },
            ],
          },
        ],
      },
    ],
  };
  const realNow = Date.now;
  Date.now = now;
  try {
    const noteId = await createNote(db, caseId, 'Fixture: leads to check');
    await saveNoteContent(db, noteId, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First draft of the leads.' }] }] });
    clock += VERSION_INTERVAL_MS;
    // v3 keeps the first draft as a version (older versions have no noteVersions table).
    await saveNoteContent(db, noteId, content);
    await addImportedSource(
      db,
      caseId,
      { title: 'Shipping manifest', format: 'html', fileName: 'manifest.html', text: 'Manifest\n\nConsignee: Broker A.', html: '<h1>Manifest</h1><p>Consignee: Broker A.</p>', sha256: 'f'.repeat(64), size: 61, metadata: { author: 'Port authority' } },
      now(),
    );
  } finally {
    Date.now = realNow;
  }
  // v3 keeps a deleted entity in the Trash (older versions lose it with the table).
  await db.entities.get(named.at(-1)!.id).then(async (e) => {
    const realNow = Date.now;
    Date.now = now;
    try {
      await deleteEntity(db, e!.id);
    } finally {
      Date.now = realNow;
    }
  });
  await db.candidates.add({ id: 'cand-fixture-1', caseId, key: 'broker a', name: 'Broker A', type: 'Person', status: 'pending', sightings: [{ sourceId: article.id, count: 1, start: 0, end: 8, snippet: 'Broker A' }], count: 1, updatedAt: now() });
}

/** Every table of a Dexie database, rows in key order. */
export async function dumpTables(db: Dexie): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) out[table.name] = (await table.toArray()) as Record<string, unknown>[];
  return out;
}

/** Today's tables reshaped the way an older version stored them. */
export function asVersion(version: number, tables: Record<string, Record<string, unknown>[]>): FixtureDb['tables'] {
  const declared = storesUpTo(version);
  const out: FixtureDb['tables'] = {};
  for (const name of Object.keys(declared).sort()) out[name] = structuredClone(tables[name] ?? []);
  if (version < 3) {
    // Before v3 a deleted entity was gone: it is not in the older fixtures at all.
    const trashed = new Set((tables.trash ?? []).map((t) => (t.entity as { id: string }).id));
    out.entities = out.entities!.filter((e) => !trashed.has(e.id as string));
  }
  if (version === 1) {
    // v1 kept a source's text and HTML on the source row.
    const bodies = new Map((tables.sourceBodies ?? []).map((b) => [b.sourceId as string, b]));
    out.sources = out.sources!.map((s) => {
      const b = bodies.get(s.id as string);
      return { ...s, text: b?.text ?? '', ...(b?.html ? { html: b.html } : {}) };
    });
  }
  return out;
}
