import type { CitationAttrs } from '../../shared/editor/citation';
import { checkCitationAgainst, type CitationCheck, type CitedSource } from '../../shared/editor/citation-check';
import type { CasebookDexie } from './database';

export type { CitationCheck } from '../../shared/editor/citation-check';

type CheckedAttrs = Pick<CitationAttrs, 'sourceId' | 'start' | 'end' | 'quote' | 'sourceSha256'>;

/**
 * Whether a citation still points at what it quoted: the source is there,
 * belongs to `caseId`, is the same file (sha256), and its text at the cited
 * range is the quoted text. A citation that fails is shown as broken and
 * never followed to whatever the range holds now.
 */
export function checkCitation(db: CasebookDexie, citation: CheckedAttrs, caseId: string): Promise<CitationCheck> {
  return createCitationChecker(db, caseId)(citation);
}

/**
 * `checkCitation` for many citations at once (a paste, a briefing): each
 * cited source and its text are read once, however often they are cited.
 */
export function createCitationChecker(db: CasebookDexie, caseId: string): (citation: CheckedAttrs) => Promise<CitationCheck> {
  const sources = new Map<string, Promise<CitedSource | undefined>>();
  const read = (sourceId: string) => {
    let found = sources.get(sourceId);
    if (!found) {
      found = Promise.all([db.sources.get(sourceId), db.sourceBodies.get(sourceId)]).then(([source, body]) =>
        source && body ? { caseId: source.caseId, sha256: source.sha256, text: body.text } : undefined,
      );
      sources.set(sourceId, found);
    }
    return found;
  };
  return async (citation) => checkCitationAgainst(citation, typeof citation.sourceId === 'string' && citation.sourceId ? await read(citation.sourceId) : undefined, caseId);
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
