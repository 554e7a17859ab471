import { useLiveQuery } from 'dexie-react-hooks';
import type { Mention } from '../../../shared/model';
import type { CasebookDexie } from '../../db/database';
import { bulkGetInCase, getInCase, inCase } from '../../db/case-scope';
import type { TypedRange } from './reader-highlights';

export interface ReaderMention extends TypedRange {
  entityId: string;
  status: Mention['status'];
}

/** A source's mentions of the case's entities, with their entity's type, for painting and clicking. */
export async function readerMentions(db: CasebookDexie, caseId: string, sourceId: string): Promise<ReaderMention[]> {
  if (!(await getInCase(db.sources, caseId, sourceId))) return [];
  const mentions = await db.mentions.where('[targetKind+targetId]').equals(['source', sourceId]).filter(inCase(caseId)).toArray();
  const ids = [...new Set(mentions.map((m) => m.entityId))];
  const types = new Map((await bulkGetInCase(db.entities, caseId, ids)).map((e) => [e.id, e.type]));
  return mentions
    .filter((m) => types.has(m.entityId))
    .map((m) => ({ entityId: m.entityId, start: m.start, end: m.end, status: m.status, entityType: types.get(m.entityId)! }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

export function useReaderMentions(db: CasebookDexie, caseId: string, sourceId: string): ReaderMention[] | undefined {
  return useLiveQuery(() => readerMentions(db, caseId, sourceId), [db, caseId, sourceId]);
}

/** The mention under a text offset, preferring the innermost (shortest) one. */
export function mentionAt(mentions: readonly ReaderMention[], offset: number): ReaderMention | undefined {
  let best: ReaderMention | undefined;
  for (const m of mentions) {
    if (m.start > offset) break;
    if (offset < m.end && (!best || m.end - m.start < best.end - best.start)) best = m;
  }
  return best;
}
