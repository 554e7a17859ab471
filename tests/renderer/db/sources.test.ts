import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ImportedSource } from '../../../shared/model';
import { addImportedSource, summarize } from '../../../renderer/db/sources';
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
