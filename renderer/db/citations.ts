import type { CitationAttrs } from '../../shared/editor/citation';
import { checkCitationAgainst, type CitationCheck, type CitedSource } from '../../shared/editor/citation-check';
import type { CasebookDexie } from './database';

export type { CitationCheck } from '../../shared/editor/citation-check';

type CheckedAttrs = Pick<CitationAttrs, 'sourceId' | 'start' | 'end' | 'quote' | 'sourceSha256'>;

/**
 * Whether a citation still points at what it quoted: the source is there
 * (not in the Trash), belongs to `caseId`, is the same file (sha256), and its text at the cited
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
        source && body ? { caseId: source.caseId, sha256: source.sha256, text: body.text, ...(source.deletedAt !== undefined ? { deletedAt: source.deletedAt } : {}) } : undefined,
      );
      sources.set(sourceId, found);
    }
    return found;
  };
  return async (citation) => checkCitationAgainst(citation, typeof citation.sourceId === 'string' && citation.sourceId ? await read(citation.sourceId) : undefined, caseId);
}
