import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ImportedSource } from '../../../shared/model';
import { addImportedSource, editSource, liveSources, purgeSource, restoreSource, revertSourceEdit, setSourceTags, summarize, trashSource } from '../../../renderer/db/sources';
import { storeCandidates } from '../../../renderer/db/candidates';
import { freshDatabase } from './fresh-db';

const imported = (over: Partial<ImportedSource> = {}): ImportedSource => ({
  title: 'Hearing transcript',
  format: 'pdf',
  fileName: 'hearing.pdf',
  text: 'Page one.\n\nPage two.',
  pages: [{ start: 0, end: 9 }, { start: 11, end: 20 }],
  sha256: 'a'.repeat(64),
  size: 2048,
  metadata: { author: 'House Committee', created: '2023-03-23T10:00:00.000Z' },
  ...over,
});

describe('addImportedSource', () => {
  it('stores the source with its pages and metadata', async () => {
    const db = freshDatabase();
    const result = await addImportedSource(db, 'c1', imported(), 1000);
    expect(result.status).toBe('added');
    const stored = await db.sources.get(result.id);
    expect(stored).toMatchObject({ caseId: 'c1', title: 'Hearing transcript', format: 'pdf', fileName: 'hearing.pdf', importedAt: 1000, pages: [{ start: 0, end: 9 }, { start: 11, end: 20 }] });
    expect(summarize(stored!)).toMatchObject({ pageCount: 2, author: 'House Committee', date: '2023-03-23T10:00:00.000Z', size: 2048 });
  });

  it('detects the same file in the same case and writes nothing', async () => {
    const db = freshDatabase();
    const first = await addImportedSource(db, 'c1', imported());
    const again = await addImportedSource(db, 'c1', imported({ title: 'Renamed copy', fileName: 'copy.pdf' }));
    expect(again).toEqual({ status: 'duplicate', id: first.id, title: 'Hearing transcript' });
    expect(await db.sources.count()).toBe(1);
    // Another case may hold the same file.
    expect((await addImportedSource(db, 'c2', imported())).status).toBe('added');
  });

  it('stores an email’s attachments as linked child sources, in one transaction', async () => {
    const db = freshDatabase();
    const email = imported({
      title: 'Re: shipment',
      format: 'email',
      fileName: 'tip.eml',
      pages: undefined,
      sha256: 'b'.repeat(64),
      children: [imported({ title: 'Invoice', fileName: 'invoice.pdf', sha256: 'c'.repeat(64) })],
    });
    const result = await addImportedSource(db, 'c1', email);
    const all = await db.sources.toArray();
    expect(all).toHaveLength(2);
    const child = all.find((s) => s.title === 'Invoice')!;
    expect(child.parentId).toBe(result.id);
    expect(child.caseId).toBe('c1');
  });
});

describe('managing a source', () => {
  it('edits win over the imported facts, which stay and can be reverted', async () => {
    const db = freshDatabase();
    const { id } = await addImportedSource(db, 'c1', imported());
    await editSource(db, 'c1', id, { title: '  Hearing,\n day one ', author: 'House Committee', date: '2023-03', url: 'https://example.org/h', notes: 'Transcript from the clerk.\n' });
    let stored = (await db.sources.get(id))!;
    // The author equals what the file stated: no edit. The imported title and metadata are untouched.
    expect(stored.edits).toEqual({ title: 'Hearing, day one', date: '2023-03', url: 'https://example.org/h', notes: 'Transcript from the clerk.' });
    expect(stored.title).toBe('Hearing transcript');
    expect(stored.metadata).toEqual(imported().metadata);
    expect(summarize(stored)).toMatchObject({ title: 'Hearing, day one', date: '2023-03', day: '2023-03', author: 'House Committee', edited: ['title', 'date', 'url', 'notes'] });

    await revertSourceEdit(db, 'c1', id, 'date');
    stored = (await db.sources.get(id))!;
    expect(summarize(stored)).toMatchObject({ date: '2023-03-23T10:00:00.000Z', day: '2023-03-23', edited: ['title', 'url', 'notes'] });
    // Emptying the author is a deliberate "none"; typing the imported title back is no edit.
    await editSource(db, 'c1', id, { author: '', title: 'Hearing transcript' });
    expect((await db.sources.get(id))!.edits).toEqual({ author: '', url: 'https://example.org/h', notes: 'Transcript from the clerk.' });
  });

  it('refuses an empty title, a date that is not ISO, a URL that is not a web address, and a source of another case', async () => {
    const db = freshDatabase();
    const { id } = await addImportedSource(db, 'c1', imported());
    await expect(editSource(db, 'c1', id, { title: '   ' })).rejects.toMatchObject({ field: 'title', message: 'A source needs a title.' });
    await expect(editSource(db, 'c1', id, { date: 'last March' })).rejects.toMatchObject({ field: 'date', message: expect.stringMatching(/YYYY-MM-DD/) });
    await expect(editSource(db, 'c1', id, { url: 'javascript:alert(1)' })).rejects.toMatchObject({ field: 'url' });
    await expect(editSource(db, 'c2', id, { title: 'Mine now' })).rejects.toMatchObject({ field: 'source' });
    expect((await db.sources.get(id))!.edits).toBeUndefined();
  });

  it('keeps tags, without duplicates, and drops the list when emptied', async () => {
    const db = freshDatabase();
    const { id } = await addImportedSource(db, 'c1', imported());
    await setSourceTags(db, 'c1', id, ['port', 'Mexico']);
    expect((await db.sources.get(id))!.tags).toEqual(['port', 'Mexico']);
    await setSourceTags(db, 'c1', id, []);
    expect((await db.sources.get(id))!.tags).toBeUndefined();
    await expect(setSourceTags(db, 'c1', id, [''])).rejects.toMatchObject({ field: 'tags' });
  });

  it('goes to the Trash with its attachments and comes back with them; lists skip it meanwhile', async () => {
    const db = freshDatabase();
    const email = imported({ title: 'Re: shipment', format: 'email', sha256: 'b'.repeat(64), children: [imported({ title: 'Invoice', sha256: 'c'.repeat(64) })] });
    const { id } = await addImportedSource(db, 'c1', email);
    const { ids, title } = await trashSource(db, 'c1', id, 5000);
    expect(title).toBe('Re: shipment');
    expect(ids).toHaveLength(2);
    expect(await liveSources(db, 'c1').count()).toBe(0);
    expect((await db.sources.toArray()).map((s) => s.deletedAt)).toEqual([5000, 5000]);
    expect(await restoreSource(db, id)).toEqual(ids);
    expect(await liveSources(db, 'c1').count()).toBe(2);
  });

  it('importing a file that is in the Trash brings it back, edits and all', async () => {
    const db = freshDatabase();
    const { id } = await addImportedSource(db, 'c1', imported());
    await editSource(db, 'c1', id, { title: 'My title' });
    await trashSource(db, 'c1', id);
    expect(await addImportedSource(db, 'c1', imported())).toEqual({ status: 'restored', id, title: 'My title', sourceIds: [id] });
    expect(await liveSources(db, 'c1').count()).toBe(1);
    expect(await addImportedSource(db, 'c1', imported())).toEqual({ status: 'duplicate', id, title: 'My title' });
  });

  it('deleted for good: rows, document, mentions and sightings go; the original is freed only when no source uses it', async () => {
    const db = freshDatabase();
    const { id } = await addImportedSource(db, 'c1', imported());
    const other = await addImportedSource(db, 'c2', imported());
    await db.mentions.add({ id: 'm1', caseId: 'c1', entityId: 'e1', targetKind: 'source', targetId: id, start: 0, end: 4, snippet: 'Page', status: 'suggested' } as never);
    await storeCandidates(db, 'c1', id, 'Page one.', [{ key: 'ruiz', name: 'Ruiz', type: 'Person', occurrences: [{ start: 0, end: 4 }] }] as never);
    expect(await db.candidates.count()).toBe(1);
    await expect(purgeSource(db, id)).rejects.toThrow(/Only a source in the Trash/);
    await trashSource(db, 'c1', id);
    // Another case still holds the same file: its original stays.
    expect(await purgeSource(db, id)).toEqual({ freedOriginals: [] });
    expect(await db.sources.get(id)).toBeUndefined();
    expect(await db.sourceBodies.get(id)).toBeUndefined();
    expect(await db.mentions.count()).toBe(0);
    expect(await db.candidates.count()).toBe(0);
    await trashSource(db, 'c2', other.id);
    expect(await purgeSource(db, other.id)).toEqual({ freedOriginals: ['a'.repeat(64)] });
  });
});
