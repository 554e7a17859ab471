import { SOURCE_EDITABLE_FIELDS, type Source, type SourceEditableField } from './source';

/**
 * What a source is, as the app shows it: title, author, date, URL and notes,
 * each a string ('' for none). The file's own word is read from `metadata`;
 * the user's edits (`Source.edits`) win over it. One definition, so the
 * library, the reader, search and every export agree.
 */
export type SourceFacts = Record<SourceEditableField, string>;

type FactsInput = Pick<Source, 'title' | 'metadata'> & Partial<Pick<Source, 'edits'>>;

/** What the file stated (the importers' metadata keys differ by format: an email's author is its sender). */
export function importedFacts(source: Pick<Source, 'title' | 'metadata'>): SourceFacts {
  const m = source.metadata;
  return {
    title: source.title,
    author: m.author ?? m.from ?? '',
    // A DOCX's or PDF's core properties give `created`; web pages, email and DOCX give `date`.
    date: m.created ?? m.date ?? m.published ?? '',
    url: m.url ?? '',
    notes: '',
  };
}

/** The facts as shown: each edited field replaces the imported one. */
export function sourceFacts(source: FactsInput): SourceFacts {
  const facts = importedFacts(source);
  for (const field of SOURCE_EDITABLE_FIELDS) {
    const edited = source.edits?.[field];
    if (edited !== undefined) facts[field] = edited;
  }
  // A title is never empty: an emptied one reads as the file's.
  if (!facts.title.trim()) facts.title = source.title;
  return facts;
}

/** The fields the user has edited, in form order. */
export function editedFields(source: Partial<Pick<Source, 'edits'>>): SourceEditableField[] {
  return SOURCE_EDITABLE_FIELDS.filter((field) => source.edits?.[field] !== undefined);
}

/** The title to show for a source. */
export function sourceTitle(source: FactsInput): string {
  return sourceFacts(source).title;
}

/**
 * The day a stated date falls on, as YYYY, YYYY-MM or YYYY-MM-DD (what sorting
 * and date filters compare), or '' when the date cannot be read. ISO strings
 * keep their own precision; anything else `Date` can parse becomes its UTC day.
 */
export function statedDay(date: string): string {
  const iso = /^(\d{4})(-\d{2}(-\d{2})?)?/.exec(date.trim());
  if (iso) return iso[0];
  const time = Date.parse(date);
  return Number.isNaN(time) ? '' : new Date(time).toISOString().slice(0, 10);
}

/**
 * The source as exports show it: the edited title in `title`, the edited
 * author, date and URL in `metadata` (the keys the exporters already print),
 * the notes as `metadata.notes` (an emptied field is left out). Used only on the way out; the store and
 * backups keep imported and edited values apart.
 */
export function sourceAsShown<S extends FactsInput>(source: S): S {
  const edits = source.edits;
  if (!edits || Object.keys(edits).length === 0) return source;
  const facts = sourceFacts(source);
  const metadata = { ...source.metadata };
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) return;
    if (value) metadata[key] = value;
    else delete metadata[key];
  };
  // The file's own keys (an email's `from`, a PDF's `created`) stay: they are what the file said.
  set('author', edits.author);
  set('date', edits.date);
  set('url', edits.url);
  set('notes', edits.notes);
  return { ...source, title: facts.title, metadata };
}
