import { describe, expect, it } from 'vitest';
import { DEFAULT_SORT, isDateBound, libraryChoices, libraryRows, NO_FILTER, type LibrarySort } from '../../../../renderer/features/sources/library-view';
import type { SourceSummary } from '../../../../renderer/db/sources';

const row = (id: string, over: Partial<SourceSummary> = {}): SourceSummary => ({
  id,
  title: id,
  format: 'pdf',
  pageCount: null,
  size: 100,
  importedAt: 0,
  author: '',
  date: '',
  day: '',
  url: '',
  notes: '',
  tags: [],
  edited: [],
  sha256: 'a'.repeat(64),
  ...over,
});

const rows = [
  row('Hearing', { format: 'pdf', author: 'House Committee', day: '2023-03-23', importedAt: 3, tags: ['hearings', 'Congress'] }),
  row('Memo', { format: 'docx', author: 'J. Ruiz', day: '2019-03-04', importedAt: 1, tags: ['port'], notes: 'from the port source' }),
  row('Tip email', { format: 'email', author: 'ana@example.org', day: '2023', importedAt: 2 }),
  row('Invoice', { format: 'pdf', parentId: 'Tip email', importedAt: 2, tags: ['port'] }),
  row('Web page', { format: 'html', importedAt: 4 }),
];
const titles = (list: { row: SourceSummary; nested: boolean }[]) => list.map((r) => (r.nested ? `  ${r.row.title}` : r.row.title));
const sorted = (key: LibrarySort['key'], direction: LibrarySort['direction'] = 'asc') => titles(libraryRows(rows, NO_FILTER, { key, direction }));

describe('the source library view', () => {
  it('sorts by a column, undated and authorless rows last either way, attachments under their email', () => {
    expect(titles(libraryRows(rows, NO_FILTER, DEFAULT_SORT))).toEqual(['Web page', 'Hearing', 'Tip email', '  Invoice', 'Memo']);
    expect(sorted('date')).toEqual(['Memo', 'Tip email', '  Invoice', 'Hearing', 'Web page']);
    expect(sorted('date', 'desc')).toEqual(['Hearing', 'Tip email', '  Invoice', 'Memo', 'Web page']);
    expect(sorted('author')).toEqual(['Tip email', '  Invoice', 'Hearing', 'Memo', 'Web page']);
    expect(sorted('format')).toEqual(['Hearing', 'Memo', 'Web page', 'Tip email', '  Invoice']);
    expect(sorted('title', 'desc')).toEqual(['Web page', 'Tip email', '  Invoice', 'Memo', 'Hearing']);
  });

  it('filters by format, author, tag, words and dates; an attachment shown alone stands on its own', () => {
    const only = (filter: Partial<typeof NO_FILTER>) => titles(libraryRows(rows, { ...NO_FILTER, ...filter }, { key: 'title', direction: 'asc' }));
    expect(only({ format: 'pdf' })).toEqual(['Hearing', 'Invoice']);
    expect(only({ tag: 'PORT' })).toEqual(['Invoice', 'Memo']);
    expect(only({ author: 'j. ruiz' })).toEqual(['Memo']);
    expect(only({ text: 'port source' })).toEqual(['Memo']);
    expect(only({ text: 'congress' })).toEqual(['Hearing']);
    // "2023" overlaps "from 2023-03": periods compare by overlap; undated rows drop out.
    expect(only({ from: '2023-03' })).toEqual(['Hearing', 'Tip email']);
    expect(only({ from: '2023', to: '2023-02' })).toEqual(['Tip email']);
    expect(only({ to: '2020' })).toEqual(['Memo']);
  });

  it('offers only the formats, authors and tags some source has', () => {
    expect(libraryChoices(rows)).toEqual({ formats: ['pdf', 'docx', 'html', 'email'], authors: ['ana@example.org', 'House Committee', 'J. Ruiz'], tags: ['Congress', 'hearings', 'port'] });
    expect(isDateBound('2023-04')).toBe(true);
    expect(isDateBound('')).toBe(true);
    expect(isDateBound('April')).toBe(false);
  });
});
