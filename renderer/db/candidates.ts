import type { CandidatePassage, CandidateRecord, CandidateSighting, CandidateType, EntityType, Mention, Relation } from '../../shared/model';
import type { Candidate } from '../../shared/linking/extract';
import { candidateScore } from '../../shared/linking/extract-score';
import { passageAround, snippetAround } from '../../shared/linking/snippet';
import type { CasebookDexie, StoredEntity } from './database';
import { addAlias } from './entities';
import { newId } from './ids';
import { inCase } from './case-scope';

export const candidateId = (caseId: string, key: string) => `${caseId}:${key}`;

/** Passages kept per source for each candidate. */
const PASSAGES_PER_SOURCE = 3;

/** True when some entity of the case already goes by the folded name `key`. */
async function isKnownName(db: CasebookDexie, caseId: string, key: string): Promise<boolean> {
  return (await db.entities.where('nameKeys').equals(key).filter((e) => e.caseId === caseId).count()) > 0;
}

/** Up to three occurrences spread over the document (first, middle, last), as passages with the name marked. */
function passagesOf(text: string, occurrences: Candidate['occurrences']): CandidatePassage[] {
  const picks = [...new Set([0, occurrences.length >> 1, occurrences.length - 1])].slice(0, PASSAGES_PER_SOURCE);
  return picks.map((i) => occurrences[i]!).map((o) => passageAround(text, o.start, o.end));
}

/** How well the case's sources vouch for a candidate: what the queue is sorted by (shared/linking/extract-score.ts). */
export function scoreOf(candidate: Pick<CandidateRecord, 'sightings'>): number {
  let mentions = 0;
  let midSentence = 0;
  for (const s of candidate.sightings) {
    mentions += s.count;
    // Rows stored before mid-sentence capitals were counted: trust their count, as they were ranked by it.
    midSentence += s.midSentence ?? s.count;
  }
  return candidateScore({ mentions, midSentence, sources: candidate.sightings.length });
}

/**
 * Files what extraction found in one source into the case's review queue:
 * names the case already has as entities are left out, a name already
 * waiting gains this source's sighting, and a rejected name stays rejected
 * (its row is kept so later imports cannot bring it back).
 */
export async function storeCandidates(
  db: CasebookDexie,
  caseId: string,
  sourceId: string,
  text: string,
  found: readonly Candidate[],
  now = Date.now(),
): Promise<{ queued: number }> {
  return db.transaction('rw', db.candidates, db.entities, async () => {
    let queued = 0;
    for (const candidate of found) {
      if (!candidate.key || candidate.occurrences.length === 0) continue;
      if (await isKnownName(db, caseId, candidate.key)) continue;
      const first = candidate.occurrences[0]!;
      const sighting: CandidateSighting = {
        sourceId,
        count: candidate.occurrences.length,
        start: first.start,
        end: first.end,
        snippet: snippetAround(text, first.start, first.end),
        midSentence: Math.min(candidate.evidence?.midSentence ?? candidate.occurrences.length, candidate.occurrences.length),
        passages: passagesOf(text, candidate.occurrences),
      };
      const id = candidateId(caseId, candidate.key);
      const existing = await db.candidates.get(id);
      if (existing?.status === 'rejected') continue;
      const sightings = [...(existing?.sightings.filter((s) => s.sourceId !== sourceId) ?? []), sighting];
      await db.candidates.put({
        id,
        caseId,
        key: candidate.key,
        name: existing?.name ?? candidate.name,
        type: existing?.type ?? candidate.type,
        status: 'pending',
        sightings,
        count: sightings.reduce((sum, s) => sum + s.count, 0),
        updatedAt: now,
      });
      queued += 1;
    }
    return { queued };
  });
}

/** What the queue is narrowed to: candidates found in one source, of one type, or both. */
export interface QueueFilter {
  sourceId?: string;
  type?: CandidateType;
}

const matches = (c: CandidateRecord, filter: QueueFilter) =>
  (!filter.type || c.type === filter.type) && (!filter.sourceId || c.sightings.some((s) => s.sourceId === filter.sourceId));

/** Pending candidates of the case that are not entities yet, best evidence first. */
async function pendingOf(db: CasebookDexie, caseId: string): Promise<CandidateRecord[]> {
  const pending = await db.candidates.where('[caseId+status]').equals([caseId, 'pending']).toArray();
  // One index query for the whole queue, not one per name.
  const keys = new Set(pending.map((c) => c.key));
  const known = new Set<string>();
  await db.entities
    .where('nameKeys')
    .anyOf([...keys])
    .filter((e) => e.caseId === caseId)
    .each((e) => e.nameKeys.forEach((k) => keys.has(k) && known.add(k)));
  const scored = pending.filter((c) => !known.has(c.key)).map((c) => ({ c, score: scoreOf(c) }));
  scored.sort((a, b) => b.score - a.score || b.c.count - a.c.count || a.c.name.localeCompare(b.c.name));
  return scored.map((s) => s.c);
}

export interface ReviewQueueView {
  /** The candidates shown, best evidence first, at most `limit`. */
  shown: CandidateRecord[];
  /** Candidates matching the filter (shown or not). */
  matching: number;
  /** All pending candidates of the case. */
  total: number;
  /** Pending candidates per type, within the source filter. */
  byType: Record<CandidateType, number>;
  /** Pending candidates per source (with its title), within the type filter; most first. */
  bySource: { sourceId: string; title: string; count: number }[];
}

/**
 * The review queue as the pane shows it: filtered by source and type, with
 * the count of each type and each source so the filters can say what they
 * hold. Names that became entities since they were queued (typed in by hand,
 * or an alias added) are skipped, not shown.
 */
export async function reviewQueue(db: CasebookDexie, caseId: string, filter: QueueFilter = {}, limit = 200): Promise<ReviewQueueView> {
  const pending = await pendingOf(db, caseId);
  const byType: Record<CandidateType, number> = { Person: 0, Organization: 0, Place: 0 };
  const sourceCounts = new Map<string, number>();
  const matching: CandidateRecord[] = [];
  for (const c of pending) {
    if (matches(c, { sourceId: filter.sourceId })) byType[c.type] += 1;
    if (matches(c, { type: filter.type })) for (const s of c.sightings) sourceCounts.set(s.sourceId, (sourceCounts.get(s.sourceId) ?? 0) + 1);
    if (matches(c, filter)) matching.push(c);
  }
  const sources = await db.sources.bulkGet([...sourceCounts.keys()]);
  const bySource = sources
    .filter((s): s is NonNullable<typeof s> => s !== undefined && s.caseId === caseId)
    .map((s) => ({ sourceId: s.id, title: s.title, count: sourceCounts.get(s.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
  return { shown: matching.slice(0, limit), matching: matching.length, total: pending.length, byType, bySource };
}

/** The review queue, best evidence first (see reviewQueue for filters and counts). */
export async function listPendingCandidates(db: CasebookDexie, caseId: string, limit = 200): Promise<CandidateRecord[]> {
  return (await pendingOf(db, caseId)).slice(0, limit);
}

export async function countPendingCandidates(db: CasebookDexie, caseId: string): Promise<number> {
  return db.candidates.where('[caseId+status]').equals([caseId, 'pending']).count();
}

/** A new entity's record from a candidate. */
function entityFrom(candidate: CandidateRecord, type: EntityType, name: string, now: number): StoredEntity {
  return {
    id: newId('ent'),
    caseId: candidate.caseId,
    type,
    name,
    aliases: [],
    description: '',
    properties: {},
    protected: false,
    quotes: [],
    createdAt: now,
    updatedAt: now,
    nameKeys: [],
    searchKeys: [],
    sortName: '',
  };
}

/** Accepts a candidate as a new entity (of `type`, or the one extraction guessed); returns its id. */
export async function acceptCandidate(db: CasebookDexie, id: string, overrides: { type?: EntityType; name?: string } = {}): Promise<string> {
  return db.transaction('rw', db.candidates, db.entities, db.caseStats, async () => {
    const candidate = await db.candidates.get(id);
    if (!candidate) throw new Error('This candidate is no longer in the review queue.');
    const type: EntityType = overrides.type ?? candidate.type;
    const entity = entityFrom(candidate, type, overrides.name?.trim() || candidate.name, Date.now());
    await db.entities.add(entity);
    await db.candidates.delete(id);
    return entity.id;
  });
}

/** Accepts a candidate as another name of an existing entity. */
export async function acceptCandidateAsAlias(db: CasebookDexie, id: string, entityId: string): Promise<void> {
  await db.transaction('rw', db.candidates, db.entities, db.caseStats, async () => {
    const candidate = await db.candidates.get(id);
    if (!candidate) throw new Error('This candidate is no longer in the review queue.');
    await addAlias(db, candidate.caseId, entityId, candidate.name);
    await db.candidates.delete(id);
  });
}

/** Rejects a candidate for the case: later imports that find the name again leave it rejected. */
export async function rejectCandidate(db: CasebookDexie, id: string): Promise<void> {
  await db.candidates.update(id, { status: 'rejected', updatedAt: Date.now() });
}

/** Puts a rejected candidate back in the queue (the Undo of a rejection). */
export async function unrejectCandidate(db: CasebookDexie, id: string): Promise<void> {
  await db.candidates.update(id, { status: 'pending', updatedAt: Date.now() });
}

/**
 * Rejects many candidates of the case in one transaction; returns the ids it
 * rejected (those still pending), for the Undo.
 */
export async function rejectCandidates(db: CasebookDexie, caseId: string, ids: readonly string[]): Promise<string[]> {
  return db.transaction('rw', db.candidates, async () => {
    const rows = await db.candidates.bulkGet([...new Set(ids)]);
    const now = Date.now();
    const rejected = rows.filter((c): c is CandidateRecord => c !== undefined && c.caseId === caseId && c.status === 'pending').map((c) => ({ ...c, status: 'rejected' as const, updatedAt: now }));
    await db.candidates.bulkPut(rejected);
    return rejected.map((c) => c.id);
  });
}

/** Rejects every pending candidate of the case found in a source, of a type, or both; returns their ids. */
export async function rejectCandidatesWhere(db: CasebookDexie, caseId: string, filter: QueueFilter): Promise<string[]> {
  if (!filter.sourceId && !filter.type) throw new Error('Say which source or type to reject.');
  return db.transaction('rw', db.candidates, async () => {
    const pending = await db.candidates.where('[caseId+status]').equals([caseId, 'pending']).toArray();
    return rejectCandidates(db, caseId, pending.filter((c) => matches(c, filter)).map((c) => c.id));
  });
}

/** Puts rejected candidates back in the queue: the Undo of a bulk rejection. */
export async function unrejectCandidates(db: CasebookDexie, caseId: string, ids: readonly string[]): Promise<void> {
  await db.transaction('rw', db.candidates, async () => {
    const rows = await db.candidates.bulkGet([...ids]);
    const now = Date.now();
    await db.candidates.bulkPut(rows.filter((c): c is CandidateRecord => c !== undefined && c.caseId === caseId && c.status === 'rejected').map((c) => ({ ...c, status: 'pending' as const, updatedAt: now })));
  });
}

/** What a bulk accept did, for its Undo: the entities it made, and the queue rows it took. */
export interface AcceptedCandidates {
  caseId: string;
  entityIds: string[];
  candidates: CandidateRecord[];
}

/** Accepts many candidates as new entities of one type, in one transaction. */
export async function acceptCandidates(db: CasebookDexie, caseId: string, ids: readonly string[], type: EntityType): Promise<AcceptedCandidates> {
  return db.transaction('rw', db.candidates, db.entities, db.caseStats, async () => {
    const rows = (await db.candidates.bulkGet([...new Set(ids)])).filter((c): c is CandidateRecord => c !== undefined && c.caseId === caseId && c.status === 'pending');
    const now = Date.now();
    const entities: StoredEntity[] = [];
    const taken: CandidateRecord[] = [];
    for (const candidate of rows) {
      // A name that became an entity meanwhile is not made twice.
      if (await isKnownName(db, caseId, candidate.key)) continue;
      entities.push(entityFrom(candidate, type, candidate.name, now));
      taken.push(candidate);
    }
    // The counters follow by themselves (entity-counters.ts).
    await db.entities.bulkAdd(entities);
    await db.candidates.bulkDelete(taken.map((c) => c.id));
    return { caseId, entityIds: entities.map((e) => e.id), candidates: taken };
  });
}

/**
 * The Undo of a bulk accept: the entities go (with the mentions and
 * relations made for them since) and the candidates are back in the queue.
 */
export async function undoAcceptCandidates(db: CasebookDexie, accepted: AcceptedCandidates): Promise<void> {
  await db.transaction('rw', [db.candidates, db.entities, db.mentions, db.relations, db.caseStats], async () => {
    const ofCase = inCase(accepted.caseId);
    const entities = (await db.entities.bulkGet(accepted.entityIds)).filter((e): e is StoredEntity => e !== undefined && e.caseId === accepted.caseId);
    for (const entity of entities) {
      const mentions: Mention[] = await db.mentions.where('entityId').equals(entity.id).filter(ofCase).toArray();
      const relations: Relation[] = [
        ...(await db.relations.where('fromId').equals(entity.id).filter(ofCase).toArray()),
        ...(await db.relations.where('toId').equals(entity.id).filter(ofCase).toArray()),
      ];
      await db.mentions.bulkDelete(mentions.map((m) => m.id));
      await db.relations.bulkDelete(relations.map((r) => r.id));
    }
    await db.entities.bulkDelete(entities.map((e) => e.id));
    await db.candidates.bulkPut(accepted.candidates);
  });
}

export type { CandidateType };

/**
 * Forgets where the review queue saw names in sources deleted for good:
 * their sightings go, and a waiting name seen nowhere else leaves the queue
 * (a rejected one stays, so later imports cannot revive it). Runs inside the
 * caller's transaction, which must include `candidates`.
 */
export async function removeSightingsOf(db: CasebookDexie, caseId: string, sourceIds: readonly string[], now = Date.now()): Promise<void> {
  const gone = new Set(sourceIds);
  const rows = await db.candidates
    .where('[caseId+status]')
    .anyOf([caseId, 'pending'], [caseId, 'rejected'])
    .filter((c) => c.sightings.some((s) => gone.has(s.sourceId)))
    .toArray();
  for (const row of rows) {
    const sightings = row.sightings.filter((s) => !gone.has(s.sourceId));
    if (sightings.length === 0 && row.status === 'pending') await db.candidates.delete(row.id);
    else await db.candidates.put({ ...row, sightings, count: sightings.reduce((sum, s) => sum + s.count, 0), updatedAt: now });
  }
}
