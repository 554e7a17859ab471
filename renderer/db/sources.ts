import type { ImportedSource, Source, SourceBody } from '../../shared/model';
import type { CasebookDexie } from './database';
import { newId } from './ids';

/** `sourceIds`: the source and its attachments, for the linker to read. */
export type AddSourceResult = { status: 'added'; id: string; sourceIds: string[] } | { status: 'duplicate'; id: string; title: string };

/**
 * Stores an imported source and its attachments in one transaction, unless
 * the same file (by sha256) is already in the case: then nothing is written
 * and the existing source is named, so the user can open it instead.
 */
export async function addImportedSource(db: CasebookDexie, caseId: string, imported: ImportedSource, now = Date.now()): Promise<AddSourceResult> {
  return db.transaction('rw', db.sources, db.sourceBodies, async () => {
    const existing = await db.sources.where('sha256').equals(imported.sha256).filter((s) => s.caseId === caseId).first();
    if (existing) return { status: 'duplicate' as const, id: existing.id, title: existing.title };
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

/** Everything the library lists, without the documents' text. */
export interface SourceSummary {
  id: string;
  title: string;
  format: Source['format'];
  pageCount: number | null;
  size: number;
  importedAt: number;
  author?: string | undefined;
  date?: string | undefined;
  sha256: string;
  parentId?: string | undefined;
  fileName?: string | undefined;
}

export function summarize(source: Source): SourceSummary {
  const m = source.metadata;
  return {
    id: source.id,
    title: source.title,
    format: source.format,
    pageCount: source.pages?.length ?? null,
    size: source.size,
    importedAt: source.importedAt,
    author: m.author ?? m.from,
    date: m.created ?? m.date ?? m.published,
    sha256: source.sha256,
    parentId: source.parentId,
    fileName: source.fileName,
  };
}
