import { describe, expect, it } from 'vitest';
import { freshDatabase } from './fresh-db';
import { ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { readCaseSnapshot, RestoreError, writeCaseSnapshot } from '../../../renderer/db/snapshot';
import { backlinksOf, relationsOf } from '../../../renderer/db/entities';
import { decodeBackup, encodeBackup } from '../../../shared/export/backup';
import { caseSnapshotSchema } from '../../../shared/export/case-snapshot';
import { foreignReferences } from '../../../shared/export/snapshot-references';
import { deleteEntity } from '../../../renderer/db/delete-entity';
import { deleteForever } from '../../../renderer/db/trash';
import { trashIdFor } from '../../../renderer/db/delete-entity';
import { saveNoteContent } from '../../../renderer/db/notes';
import type { CasebookDexie } from '../../../renderer/db/database';
import { hostileSnapshot, SEEDED_ENTITY, SEEDED_NOTE, SEEDED_SOURCE } from '../../fixtures/hostile-snapshot';


const TABLES = ['cases', 'notes', 'sources', 'sourceBodies', 'entities', 'relations', 'mentions', 'citations', 'candidates', 'caseStats'] as const;
const counts = (db: CasebookDexie) => Promise.all(TABLES.map((t) => db[t].count()));

async function seeded() {
  const db = freshDatabase();
  await ensureSeeded(db, () => 1_700_000_000_000);
  const caseId = (await readSeedMarker(db))!.caseId;
  return { db, caseId };
}

describe('a restored backup stays inside its own case', () => {
  it('the hostile backup really does aim at seeded records (the fixture is meaningful)', async () => {
    const { db } = await seeded();
    expect(await db.entities.get(SEEDED_ENTITY)).toBeDefined();
    expect(await db.sources.get(SEEDED_SOURCE)).toBeDefined();
    expect(await db.notes.get(SEEDED_NOTE)).toBeDefined();
    // Its own ids are all new: the old rule would not have remapped it.
    const snapshot = hostileSnapshot();
    for (const e of snapshot.entities) expect(await db.entities.get(e.id)).toBeUndefined();
  });

  it('finds every kind of reference that leads out of the snapshot', () => {
    const found = foreignReferences(hostileSnapshot()).map((r) => r.path.join('.'));
    expect(found).toEqual([
      'relations.0.toId',
      'mentions.0.entityId',
      'mentions.0.targetId',
      'mentions.1.entityId',
      'mentions.1.targetId',
      'citations.0.sourceId',
      'notes.0.content.entityMention.entityId',
      'notes.0.content.citation.sourceId',
    ]);
    // Quotes, sightings and parents too.
    const more = hostileSnapshot();
    more.entities[0]!.quotes = [{ sourceId: SEEDED_SOURCE, quote: 'x', start: 0, end: 1 }];
    more.sources[0]!.parentId = SEEDED_SOURCE;
    more.candidates = [{ id: 'case-evil:x', caseId: 'case-evil', key: 'x', name: 'X', type: 'Person', status: 'pending', count: 1, updatedAt: 0, sightings: [{ sourceId: SEEDED_SOURCE, count: 1, start: 0, end: 1, snippet: 'x' }] }];
    const paths = foreignReferences(more).map((r) => r.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['sources.0.parentId', 'entities.0.quotes.0.sourceId', 'candidates.0.sightings.0.sourceId']));
  });

  it('main refuses the backup file with a typed error naming the reference', async () => {
    const bytes = await encodeBackup(hostileSnapshot(), new Map(), { appVersion: 'evil' });
    const decoded = await decodeBackup(bytes);
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.error.code).toBe('invalid-content');
    expect(decoded.error.message).toMatch(/does not hold/);
    expect(decoded.error.path).toEqual(['relations', 0, 'toId']);
  });

  it('the store refuses it too (should it ever get past main), writing nothing, and the seeded case is untouched', async () => {
    const { db } = await seeded();
    const before = await counts(db);
    const relationsBefore = await relationsOf(db, 'case-fentanyl', SEEDED_ENTITY);
    const backlinksBefore = await backlinksOf(db, 'case-fentanyl', SEEDED_ENTITY);
    const failure = await writeCaseSnapshot(db, hostileSnapshot()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RestoreError);
    expect((failure as RestoreError).code).toBe('foreign-reference');
    expect((failure as RestoreError).message).toMatch(/Nothing was written/);
    expect(await counts(db)).toEqual(before);
    expect(await relationsOf(db, 'case-fentanyl', SEEDED_ENTITY)).toEqual(relationsBefore);
    expect(await backlinksOf(db, 'case-fentanyl', SEEDED_ENTITY)).toEqual(backlinksBefore);
  });

  it('a case whose notes name records that are gone is still backed up and restored: those references are detached', async () => {
    const { db, caseId } = await seeded();
    const note = (await db.notes.get(SEEDED_NOTE))!;
    // A chip of an entity then deleted for good, and a citation of a source that is not in the case.
    const doomed = (await db.entities.where('[caseId+type]').equals([caseId, 'Person']).first())!;
    await saveNoteContent(db, note.id, {
      type: 'doc',
      content: [
        ...(note.content.content ?? []),
        {
          type: 'paragraph',
          content: [
            { type: 'entityMention', attrs: { entityId: doomed.id, label: doomed.name, entityType: 'Person' } },
            { type: 'text', text: ' said so ' },
            { type: 'citation', attrs: { citationId: 'gone', sourceId: 'src-elsewhere', start: 0, end: 3, page: null, quote: 'abc', sourceSha256: '', sourceTitle: 'Elsewhere' } },
          ],
        },
      ],
    });
    await deleteEntity(db, doomed.id);
    await deleteForever(db, { kind: 'entity', id: trashIdFor(doomed.id) });

    const snapshot = (await readCaseSnapshot(db, caseId))!;
    expect(foreignReferences(snapshot)).toEqual([]);
    expect(caseSnapshotSchema.safeParse(snapshot).success).toBe(true);
    const json = JSON.stringify(snapshot.notes);
    expect(json).not.toContain(doomed.id);
    expect(json).not.toContain('src-elsewhere');
    expect(json).toContain(`"label":"${doomed.name}"`);

    const decoded = await decodeBackup(await encodeBackup(snapshot, new Map(), { appVersion: 't' }));
    // The seeded article has no original here; that is allowed.
    if (!decoded.ok) throw new Error(decoded.error.message);
    const target = freshDatabase();
    const { caseId: restoredId } = await writeCaseSnapshot(target, decoded.value.snapshot);
    const restored = (await readCaseSnapshot(target, restoredId))!;
    expect(restored.notes.map((n) => n.text).join('\n')).toContain(`${doomed.name} said so`);
    // A detached chip names nothing: no mention row for it.
    expect(restored.mentions.every((m) => m.entityId !== '')).toBe(true);
  });
});
