import { foldText } from '../../../shared/linking/normalize';
import { distinctTags, hasTag, SOURCE_FORMATS, type SourceFormat } from '../../../shared/model';
import { dateBound } from '../../../shared/search/query';
import type { SourceSummary } from '../../db/sources';

/**
 * What the source library shows, as plain functions of its rows: filtered by
 * words, format, author, tag and a date range, sorted by a column, with an
 * email's attachments kept under it.
 */

export type LibrarySortKey = 'title' | 'format' | 'date' | 'author' | 'imported' | 'size';
export interface LibrarySort {
  key: LibrarySortKey;
  direction: 'asc' | 'desc';
}

export interface LibraryFilter {
  /** Words found in the title, author, file name, notes or tags. */
  text: string;
  format: SourceFormat | '';
  author: string;
  tag: string;
  /** A partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD), or '' for no bound. */
  from: string;
  to: string;
}

export const NO_FILTER: LibraryFilter = { text: '', format: '', author: '', tag: '', from: '', to: '' };
export const DEFAULT_SORT: LibrarySort = { key: 'imported', direction: 'desc' };

export const isFiltered = (filter: LibraryFilter) => Object.values(filter).some((v) => v !== '');

/** Whether a date typed in a filter box is one the filter can use ('' is: no bound). */
export const isDateBound = (value: string) => value.trim() === '' || dateBound(value) !== undefined;

function matches(row: SourceSummary, filter: LibraryFilter): boolean {
  if (filter.format && row.format !== filter.format) return false;
  if (filter.author && foldText(row.author) !== foldText(filter.author)) return false;
  if (filter.tag && !hasTag(row.tags, filter.tag)) return false;
  const from = filter.from.trim() ? dateBound(filter.from) : undefined;
  const to = filter.to.trim() ? dateBound(filter.to) : undefined;
  if (from || to) {
    // A source dated "2023" is in "from 2023-06": periods compare by overlap.
    const own = row.day ? dateBound(row.day) : undefined;
    if (!own) return false;
    if (from && own.to < from.from) return false;
    if (to && own.from > to.to) return false;
  }
  const words = foldText(filter.text).split(/\s+/).filter(Boolean);
  if (words.length) {
    const haystack = foldText([row.title, row.author, row.fileName ?? '', row.notes, ...row.tags].join('\n'));
    if (!words.every((w) => haystack.includes(w))) return false;
  }
  return true;
}

const compareText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/** Rows without the sorted value (no author, no date) go last whichever way the column is sorted. */
function compare(a: SourceSummary, b: SourceSummary, sort: LibrarySort): number {
  const dir = sort.direction === 'asc' ? 1 : -1;
  const missingLast = (x: string, y: string) => (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
  switch (sort.key) {
    case 'title':
      return dir * compareText(a.title, b.title);
    case 'format':
      return dir * (SOURCE_FORMATS.indexOf(a.format) - SOURCE_FORMATS.indexOf(b.format)) || compareText(a.title, b.title);
    case 'author':
      return missingLast(a.author, b.author) || dir * compareText(a.author, b.author) || compareText(a.title, b.title);
    case 'date':
      // Partial dates sort by their first day: "2023" before "2023-02".
      return missingLast(a.day, b.day) || dir * (a.day < b.day ? -1 : a.day > b.day ? 1 : 0) || compareText(a.title, b.title);
    case 'size':
      return dir * (a.size - b.size);
    case 'imported':
      return dir * (a.importedAt - b.importedAt) || compareText(a.title, b.title);
  }
}

/**
 * The rows to show, in order. An attachment follows its email when both are
 * shown (marked `nested`); one shown without its email stands on its own.
 */
export function libraryRows(rows: readonly SourceSummary[], filter: LibraryFilter, sort: LibrarySort): { row: SourceSummary; nested: boolean }[] {
  const shown = rows.filter((r) => matches(r, filter)).sort((a, b) => compare(a, b, sort));
  const shownIds = new Set(shown.map((r) => r.id));
  const childrenOf = new Map<string, SourceSummary[]>();
  for (const row of shown) {
    if (row.parentId && shownIds.has(row.parentId)) childrenOf.set(row.parentId, [...(childrenOf.get(row.parentId) ?? []), row]);
  }
  const out: { row: SourceSummary; nested: boolean }[] = [];
  const emit = (row: SourceSummary, nested: boolean) => {
    out.push({ row, nested });
    for (const child of childrenOf.get(row.id) ?? []) emit(child, true);
  };
  for (const row of shown) if (!(row.parentId && shownIds.has(row.parentId))) emit(row, false);
  return out;
}

/** What the filter menus offer: only values some source has. */
export function libraryChoices(rows: readonly SourceSummary[]): { formats: SourceFormat[]; authors: string[]; tags: string[] } {
  const formats = SOURCE_FORMATS.filter((f) => rows.some((r) => r.format === f));
  const authors = new Map<string, string>();
  for (const r of rows) if (r.author && !authors.has(foldText(r.author))) authors.set(foldText(r.author), r.author);
  return { formats, authors: [...authors.values()].sort(compareText), tags: distinctTags(rows.map((r) => r.tags)) };
}
