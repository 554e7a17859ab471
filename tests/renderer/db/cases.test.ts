import { describe, expect, it } from 'vitest';
import { draft, freshDatabase } from './fresh-db';
import { createCase, deleteCase, listCaseSummaries, purgeCase, renameCase, restoreCase } from '../../../renderer/db/cases';
import { addSampleCase, ensureSeeded, readSeedMarker } from '../../../renderer/db/seed';
import { createNote, saveNoteContent, deleteNote } from '../../../renderer/db/notes';
import { createEntity } from '../../../renderer/db/entities';
import { addImportedSource } from '../../../renderer/db/sources';
import { deleteEntity } from '../../../renderer/db/delete-entity';
import { listTrash } from '../../../renderer/db/trash';
import { initialView } from '../../../renderer/app/ui-state';
import type { CasebookDexie } from '../../../renderer/db/database';

const source = (text: string, sha256: string) => ({ title: 'Doc', format: 'text' as const, fileName: 'doc.txt', text, sha256, size: text.length, metadata: {} });

/** Every row of every table that belongs to `caseId`, by table: what "no row of it is left" checks. */
async function rowsOf(db: CasebookDexie, caseId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) {
    const rows = await table.toArray();
    counts[table.name] = rows.filter((r: { caseId?: string; id?: string; key?: string; value?: { caseId?: string } }) => r.caseId === caseId || r.id === caseId || r.key === `linked:${caseId}`).length;
  }
  return counts;
}

async function filledCase(db: CasebookDexie, title: string, sha: string): Promise<string> {
  const caseId = await createCase(db, title);
  const person = await createEntity(db, caseId, draft('Wen Jiahui'));
  const noteId = await createNote(db, caseId, 'Notes');
  await saveNoteContent(db, noteId, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'entityMention', attrs: { entityId: person, label: 'Wen Jiahui', entityType: 'Person' } }] }] });
  await saveNoteContent(db, noteId, {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A much longer rewrite, so the history keeps a version of the note before it: ' }, { type: 'entityMention', attrs: { entityId: person, label: 'Wen Jiahui', entityType: 'Person' } }] }],
  });
  await addImportedSource(db, caseId, source('Wen Jiahui met them.', sha));
  const doomed = await createEntity(db, caseId, draft('Someone'));
  await deleteEntity(db, doomed);
  await deleteNote(db, await createNote(db, caseId, 'Scrap'));
  return caseId;
}

describe('cases', () => {
  it('are created, renamed and listed with their counts, newest first', async () => {
    const db = freshDatabase();
    await ensureSeeded(db, () => 1_700_000_000_000);
    const id = await filledCase(db, '  Port   of Manzanillo ', 'a'.repeat(64));
    await renameCase(db, id, 'Manzanillo shipments');
    const list = await listCaseSummaries(db);
    expect(list[0]).toMatchObject({ id, title: 'Manzanillo shipments', sample: false, notes: 1, sources: 1, entities: 1 });
    expect(list[1]).toMatchObject({ sample: true, notes: 1, sources: 1, entities: 92 });
    expect(list[1]!.title).toBe('Sample case: fentanyl precursor trafficking');
  });

  it('a deleted case leaves the list, waits in the Trash, comes back with Undo, and is not opened on start', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const sample = (await readSeedMarker(db))!.caseId;
    const id = await createCase(db, 'Mine');
    await db.meta.put({ key: 'ui', value: { caseId: id } });
    await deleteCase(db, id);
    expect((await listCaseSummaries(db)).map((c) => c.id)).toEqual([sample]);
    expect((await listTrash(db, sample)).filter((t) => t.kind === 'case').map((t) => t.id)).toEqual([id]);
    expect((await initialView(db))!.caseId).toBe(sample);
    await restoreCase(db, id);
    expect((await listCaseSummaries(db)).map((c) => c.id)).toContain(id);
    expect((await initialView(db))!.caseId).toBe(id);
  });

  it('deleted for good, a case leaves no row in any table, touches no other case, and frees only originals nothing else uses', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const shared = 'b'.repeat(64);
    const own = 'c'.repeat(64);
    const keep = await filledCase(db, 'Keep', shared);
    const gone = await filledCase(db, 'Gone', own);
    await addImportedSource(db, gone, source('Same file as the other case.', shared));
    const keepBefore = await rowsOf(db, keep);
    const goneBefore = await rowsOf(db, gone);
    // The fixture fills every table that holds case rows.
    for (const table of ['cases', 'notes', 'sources', 'sourceBodies', 'entities', 'mentions', 'caseStats', 'noteVersions', 'trash']) expect(goneBefore[table], table).toBeGreaterThan(0);

    await expect(purgeCase(db, gone)).rejects.toThrow(/deleted case/);
    await deleteCase(db, gone);
    const { freedOriginals } = await purgeCase(db, gone);
    expect(freedOriginals).toEqual([own]);
    expect(Object.values(await rowsOf(db, gone)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(db, keep)).toEqual(keepBefore);
    const versionsLeft = await db.noteVersions.toArray();
    expect(versionsLeft.every((v) => v.caseId !== gone)).toBe(true);
  });

  it('the sample can be deleted and added again from Help, whether it is in the Trash or gone for good', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    const sample = (await readSeedMarker(db))!.caseId;
    await deleteCase(db, sample);
    expect(await addSampleCase(db)).toBe(sample);
    expect((await db.cases.get(sample))!.deletedAt).toBeUndefined();

    await deleteCase(db, sample);
    await purgeCase(db, sample);
    expect(await db.cases.get(sample)).toBeUndefined();
    expect(await addSampleCase(db)).toBe(sample);
    const [summary] = await listCaseSummaries(db);
    expect(summary).toMatchObject({ id: sample, sample: true, entities: 92 });
    // ensureSeeded still never seeds twice.
    expect(await ensureSeeded(db)).toBe('already');
  });
});
