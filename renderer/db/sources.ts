import {
  editedFields,
  importedFacts,
  sourceEditsSchema,
  sourceFacts,
  statedDay,
  SOURCE_EDITABLE_FIELDS,
  tagsSchema,
  type ImportedSource,
  type Source,
  type SourceBody,
  type SourceEditableField,
  type SourceEdits,
} from '../../shared/model';
import type { CasebookDexie } from './database';
import { getInCase } from './case-scope';
import { removeSightingsOf } from './candidates';
import { newId } from './ids';

/**
 * `sourceIds`: the source and its attachments, for the linker to read.
 * `restored`: the same file was in the Trash and is back, with the user's edits and tags.
 */
export type AddSourceResult =
  | { status: 'added'; id: string; sourceIds: string[] }
  | { status: 'restored'; id: string; title: string; sourceIds: string[] }
  | { status: 'duplicate'; id: string; title: string };

/**
 * Stores an imported source and its attachments in one transaction, unless
 * the same file (by sha256) is already in the case: then nothing is written
 * and the existing source is named, so the user can open it instead (or, if
 * it is in the Trash, it is brought back: importing it again says "I want it").
 */
export async function addImportedSource(db: CasebookDexie, caseId: string, imported: ImportedSource, now = Date.now()): Promise<AddSourceResult> {
  return db.transaction('rw', db.sources, db.sourceBodies, async () => {
    const existing = await db.sources.where('sha256').equals(imported.sha256).filter((s) => s.caseId === caseId).first();
    if (existing?.deletedAt !== undefined) {
      const sourceIds = await restoreRows(db, existing);
      return { status: 'restored' as const, id: existing.id, title: sourceFacts(existing).title, sourceIds };
    }
    if (existing) return { status: 'duplicate' as const, id: existing.id, title: sourceFacts(existing).title };
    const rows: Source[] = [];
    const bodies: SourceBody[] = [];
    const add = (item: ImportedSource, parentId?: string): string => {
      const id = newId('src');
      bodies.push({ sourceId: id, caseId, text: item.text, ...(item.html ? { html: item.html } : {}) });
      rows.push({
        id,
        caseId,
        title: item.title,
        format: item.format,
        ...(item.pages ? { pages: item.pages } : {}),
        sha256: item.sha256,
        size: item.size,
        metadata: item.metadata,
        importedAt: now,
        fileName: item.fileName,
        ...(parentId ? { parentId } : {}),
      });
      for (const child of item.children ?? []) add(child, id);
      return id;
    };
    const id = add(imported);
    await db.sources.bulkAdd(rows);
    await db.sourceBodies.bulkAdd(bodies);
    return { status: 'added' as const, id, sourceIds: rows.map((r) => r.id) };
  });
}

/** The case's sources that are not in the Trash, as a Dexie collection (lists, linking, search). */
export function liveSources(db: CasebookDexie, caseId: string) {
  return db.sources
    .where('caseId')
    .equals(caseId)
    .filter((s) => s.deletedAt === undefined);
}

/** Everything the library lists, without the documents' text. */
export interface SourceSummary {
  id: string;
  /** As shown: the user's title if they gave one. */
  title: string;
  format: Source['format'];
  pageCount: number | null;
  size: number;
  importedAt: number;
  author: string;
  /** The stated date as written ('' if none). */
  date: string;
  /** The day it falls on (YYYY[-MM[-DD]]), for sorting and date filters; '' if undated. */
  day: string;
  url: string;
  notes: string;
  tags: string[];
  /** Fields whose shown value is the user's. */
  edited: SourceEditableField[];
  sha256: string;
  parentId?: string | undefined;
  fileName?: string | undefined;
}

export function summarize(source: Source): SourceSummary {
  const facts = sourceFacts(source);
  return {
    id: source.id,
    title: facts.title,
    format: source.format,
    pageCount: source.pages?.length ?? null,
    size: source.size,
    importedAt: source.importedAt,
    author: facts.author,
    date: facts.date,
    day: statedDay(facts.date),
    url: facts.url,
    notes: facts.notes,
    tags: source.tags ?? [],
    edited: editedFields(source),
    sha256: source.sha256,
    parentId: source.parentId,
    fileName: source.fileName,
  };
}

/** Why an edit was refused, in words for the form. */
export class SourceEditError extends Error {
  override readonly name = 'SourceEditError';
  constructor(
    readonly field: SourceEditableField | 'tags' | 'source',
    message: string,
  ) {
    super(message);
  }
}

/** A value as typed made into a value as stored: titles, authors and dates are one line; notes keep their lines. */
function cleanField(field: SourceEditableField, value: string): string {
  return field === 'notes' ? value.replace(/\s+$/, '') : value.replace(/\s+/g, ' ').trim();
}

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

async function liveSourceInCase(db: CasebookDexie, caseId: string, id: string): Promise<Source> {
  const source = await getInCase(db.sources, caseId, id);
  if (!source || source.deletedAt !== undefined) throw new SourceEditError('source', 'This source is no longer in the case.');
  return source;
}

/**
 * Sets the user's values of some fields. A value equal to what the file
 * stated is no edit (the field goes back to the imported value); an empty
 * title is refused (a source is always called something), any other empty
 * field is a deliberate "none". Dates must be ISO (YYYY, YYYY-MM or
 * YYYY-MM-DD), URLs web addresses.
 */
export async function editSource(db: CasebookDexie, caseId: string, id: string, changes: Partial<Record<SourceEditableField, string>>): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await liveSourceInCase(db, caseId, id);
    const imported = importedFacts(source);
    const edits: SourceEdits = { ...source.edits };
    for (const field of SOURCE_EDITABLE_FIELDS) {
      const raw = changes[field];
      if (raw === undefined) continue;
      const value = cleanField(field, raw);
      if (field === 'title' && !value) throw new SourceEditError('title', 'A source needs a title.');
      if (field === 'url' && value && !isWebAddress(value)) throw new SourceEditError('url', 'Write a web address that starts with http:// or https://.');
      if (value === imported[field]) delete edits[field];
      else edits[field] = value;
    }
    const parsed = sourceEditsSchema.safeParse(edits);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'source') as SourceEditableField;
      throw new SourceEditError(field, field === 'date' ? 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.' : `This ${field} is too long.`);
    }
    await writeEdits(db, source, parsed.data);
  });
}

/** Puts a field back to what the file stated. */
export async function revertSourceEdit(db: CasebookDexie, caseId: string, id: string, field: SourceEditableField): Promise<void> {
  await db.transaction('rw', db.sources, async () => {
    const source = await liveSourceInCase(db, caseId, id);
    const { [field]: _reverted, ...rest } = source.edits ?? {};
    await writeEdits(db, source, rest);
  });
}

async function writeEdits(db: CasebookDexie, source: Source, edits: SourceEdits): Promise<void> {
  await db.sources
    .where('id')
    .equals(source.id)
    .modify((row) => {
      if (Object.keys(edits).length > 0) row.edits = edits;
      else delete row.edits;
    });
}

/** Replaces a source's tags (the chip input hands over the whole list). */
export async function setSourceTags(db: CasebookDexie, caseId: string, id: string, tags: readonly string[]): Promise<void> {
  const parsed = tagsSchema.safeParse([...tags]);
  if (!parsed.success) throw new SourceEditError('tags', 'A tag is empty or too long.');
  await db.transaction('rw', db.sources, async () => {
    const source = await liveSourceInCase(db, caseId, id);
    await db.sources
      .where('id')
      .equals(source.id)
      .modify((row) => {
        if (parsed.data.length > 0) row.tags = parsed.data;
        else delete row.tags;
      });
  });
}

/** A source and its attachments (an email's), which go to the Trash and come back together. */
async function withAttachments(db: CasebookDexie, source: Source): Promise<Source[]> {
  const children = await db.sources
    .where('caseId')
    .equals(source.caseId)
    .filter((s) => s.parentId === source.id)
    .toArray();
  return [source, ...children];
}

/**
 * Moves a source (with its attachments) to the Trash: it stays in the store
 * with `deletedAt`, so its mentions, citations and original wait for a
 * restore; lists, search, linking and the reader skip it, and citations of
 * it show as broken ("The quoted source is in the Trash.").
 */
export async function trashSource(db: CasebookDexie, caseId: string, id: string, now = Date.now()): Promise<{ title: string; ids: string[] }> {
  return db.transaction('rw', db.sources, async () => {
    const source = await liveSourceInCase(db, caseId, id);
    const rows = (await withAttachments(db, source)).filter((s) => s.deletedAt === undefined);
    for (const row of rows) await db.sources.update(row.id, { deletedAt: now });
    return { title: sourceFacts(source).title, ids: rows.map((r) => r.id) };
  });
}

/** Brings a source back from the Trash, with the attachments that went with it. */
export async function restoreSource(db: CasebookDexie, id: string): Promise<string[]> {
  return db.transaction('rw', db.sources, async () => {
    const source = await db.sources.get(id);
    if (!source) throw new Error('This source is no longer in the Trash.');
    return restoreRows(db, source);
  });
}

async function restoreRows(db: CasebookDexie, source: Source): Promise<string[]> {
  if (source.deletedAt === undefined) return [];
  const rows = (await withAttachments(db, source)).filter((s) => s.deletedAt === source.deletedAt);
  for (const row of rows) {
    await db.sources
      .where('id')
      .equals(row.id)
      .modify((r) => {
        delete r.deletedAt;
      });
  }
  return rows.map((r) => r.id);
}

/**
 * Removes a source in the Trash for good, with the attachments that went to
 * the Trash with it: their rows, documents, found mentions and the review
 * queue's sightings of them (an attachment restored meanwhile stays, no
 * longer attached). Citations of it stay in the notes, broken ("no longer in
 * the case"). Returns the originals no source of any case uses any more, for
 * main to free.
 */
export async function purgeSource(db: CasebookDexie, id: string): Promise<{ freedOriginals: string[] }> {
  return db.transaction('rw', [db.sources, db.sourceBodies, db.mentions, db.candidates], async () => {
    const source = await db.sources.get(id);
    if (!source) return { freedOriginals: [] };
    if (source.deletedAt === undefined) throw new Error('Only a source in the Trash can be deleted for good.');
    const family = await withAttachments(db, source);
    const gone = family.filter((s) => s.deletedAt !== undefined);
    for (const row of gone) {
      await db.mentions.where('[targetKind+targetId]').equals(['source', row.id]).delete();
      await db.sourceBodies.delete(row.id);
      await db.sources.delete(row.id);
    }
    for (const orphan of family.filter((s) => s.deletedAt === undefined)) {
      await db.sources
        .where('id')
        .equals(orphan.id)
        .modify((r) => {
          delete r.parentId;
        });
    }
    await removeSightingsOf(db, source.caseId, gone.map((s) => s.id));
    const freedOriginals: string[] = [];
    for (const sha of new Set(gone.map((s) => s.sha256))) if ((await db.sources.where('sha256').equals(sha).count()) === 0) freedOriginals.push(sha);
    return { freedOriginals };
  });
}
