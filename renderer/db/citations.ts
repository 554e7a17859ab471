import type { CitationAttrs } from '../../shared/editor/citation';
import type { CasebookDexie } from './database';

export type CitationCheck = { status: 'ok' } | { status: 'broken'; reason: string };

/**
 * Whether a citation still points at what it quoted: the source is there,
 * is the same file (sha256), and its text at the cited range is the quoted
 * text. A citation that fails is shown as broken and never followed to
 * whatever the range holds now.
 */
export async function checkCitation(db: CasebookDexie, citation: Pick<CitationAttrs, 'sourceId' | 'start' | 'end' | 'quote' | 'sourceSha256'>): Promise<CitationCheck> {
  const [source, body] = await Promise.all([db.sources.get(citation.sourceId), db.sourceBodies.get(citation.sourceId)]);
  if (!source || !body) return { status: 'broken', reason: 'The quoted source is no longer in the case.' };
  if (citation.sourceSha256 && source.sha256 !== citation.sourceSha256) return { status: 'broken', reason: 'The source has changed since this passage was quoted.' };
  if (body.text.slice(citation.start, citation.end) !== citation.quote) return { status: 'broken', reason: 'The quoted passage is no longer at this place in the source.' };
  return { status: 'ok' };
}

/** Deletes a source with its document and found mentions; citations of it then show as broken. */
export async function deleteSource(db: CasebookDexie, sourceId: string): Promise<void> {
  await db.transaction('rw', [db.sources, db.sourceBodies, db.mentions], async () => {
    const children = await db.sources.filter((s) => s.parentId === sourceId).primaryKeys();
    for (const id of [sourceId, ...children]) {
      await db.mentions.where('[targetKind+targetId]').equals(['source', id]).delete();
      await db.sourceBodies.delete(id);
      await db.sources.delete(id);
    }
  });
}
