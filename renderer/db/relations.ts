import type { Mention, Relation, RelationType, SourceQuote } from '../../shared/model';
import type { CasebookDexie } from './database';
import { getInCase } from './case-scope';
import { newId } from './ids';

export interface RelationDraft {
  type: RelationType;
  fromId: string;
  toId: string;
  /** ISO 8601, possibly partial; empty for none. */
  date: string;
  description: string;
  quotes: SourceQuote[];
}

export async function createRelation(db: CasebookDexie, caseId: string, draft: RelationDraft, now = Date.now()): Promise<string> {
  if (draft.fromId === draft.toId) throw new Error('A relation needs two different entities.');
  const relation: Relation = {
    id: newId('rel'),
    caseId,
    type: draft.type,
    fromId: draft.fromId,
    toId: draft.toId,
    ...(draft.date.trim() ? { date: draft.date.trim() } : {}),
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    quotes: draft.quotes,
    createdAt: now,
  };
  await db.transaction('rw', db.relations, db.entities, async () => {
    const [from, to] = await db.entities.bulkGet([draft.fromId, draft.toId]);
    if (!from || !to || from.caseId !== caseId || to.caseId !== caseId) throw new Error('Both entities must be in this case.');
    await db.relations.add(relation);
  });
  return relation.id;
}

/** Deletes a relation and returns it, for the Undo. */
export async function deleteRelation(db: CasebookDexie, id: string): Promise<Relation> {
  return db.transaction('rw', db.relations, async () => {
    const relation = await db.relations.get(id);
    if (!relation) throw new Error('This relation no longer exists.');
    await db.relations.delete(id);
    return relation;
  });
}

/** How far apart two names may be in a source and still be one piece of evidence. */
const NEAR = 300;

/** The sentence(s) around `[start, end)`: from the previous sentence end to the next. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!) && start - s < 400) s--;
  while (s < start && /\s/.test(text[s]!)) s++;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e]!) && e - end < 400) e++;
  if (e < text.length && /[.!?]/.test(text[e]!)) e++;
  return { start: s, end: e };
}

/**
 * Passages of the case's sources that name both entities close together:
 * the evidence a new relation between them can cite. Whole sentences, so the
 * quote reads on its own; nearest pairs first; at most `limit`.
 */
export async function evidenceFor(db: CasebookDexie, caseId: string, aId: string, bId: string, limit = 8): Promise<SourceQuote[]> {
  const sourceMention = (m: Mention) => m.caseId === caseId && m.targetKind === 'source';
  const [aMentions, bMentions] = await Promise.all([
    db.mentions.where('entityId').equals(aId).filter(sourceMention).toArray(),
    db.mentions.where('entityId').equals(bId).filter(sourceMention).toArray(),
  ]);
  const pairs: { sourceId: string; start: number; end: number; gap: number }[] = [];
  for (const a of aMentions) {
    for (const b of bMentions) {
      if (a.targetId !== b.targetId) continue;
      const gap = Math.max(a.start, b.start) - Math.min(a.end, b.end);
      if (gap <= NEAR) pairs.push({ sourceId: a.targetId, start: Math.min(a.start, b.start), end: Math.max(a.end, b.end), gap });
    }
  }
  pairs.sort((x, y) => x.gap - y.gap);
  const quotes: SourceQuote[] = [];
  const seen = new Set<string>();
  const bodies = new Map<string, string>();
  for (const pair of pairs) {
    if (quotes.length >= limit) break;
    if (!bodies.has(pair.sourceId)) bodies.set(pair.sourceId, (await getInCase(db.sourceBodies, caseId, pair.sourceId))?.text ?? '');
    const text = bodies.get(pair.sourceId)!;
    if (!text) continue;
    const span = sentenceAround(text, pair.start, pair.end);
    const key = `${pair.sourceId}:${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    quotes.push({ sourceId: pair.sourceId, start: span.start, end: span.end, quote: text.slice(span.start, span.end) });
  }
  return quotes;
}
