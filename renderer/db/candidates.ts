import type { CandidateRecord, CandidateType, EntityType } from '../../shared/model';
import type { Candidate } from '../../shared/linking/extract';
import { snippetAround } from '../../shared/linking/snippet';
import type { CasebookDexie, StoredEntity } from './database';
import { newId } from './ids';

export const candidateId = (caseId: string, key: string) => `${caseId}:${key}`;

/** True when some entity of the case already goes by the folded name `key`. */
async function isKnownName(db: CasebookDexie, caseId: string, key: string): Promise<boolean> {
  return (await db.entities.where('nameKeys').equals(key).filter((e) => e.caseId === caseId).count()) > 0;
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
      const sighting = { sourceId, count: candidate.occurrences.length, start: first.start, end: first.end, snippet: snippetAround(text, first.start, first.end) };
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

/**
 * The review queue, most-seen first. Names that became entities since they
 * were queued (typed in by hand, or an alias added) are skipped, not shown.
 */
export async function listPendingCandidates(db: CasebookDexie, caseId: string, limit = 200): Promise<CandidateRecord[]> {
  const pending = await db.candidates.where('[caseId+status]').equals([caseId, 'pending']).toArray();
  pending.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const shown: CandidateRecord[] = [];
  for (const c of pending) {
    if (shown.length >= limit) break;
    if (!(await isKnownName(db, caseId, c.key))) shown.push(c);
  }
  return shown;
}

export async function countPendingCandidates(db: CasebookDexie, caseId: string): Promise<number> {
  return db.candidates.where('[caseId+status]').equals([caseId, 'pending']).count();
}

/** Accepts a candidate as a new entity (of `type`, or the one extraction guessed); returns its id. */
export async function acceptCandidate(db: CasebookDexie, id: string, overrides: { type?: EntityType; name?: string } = {}): Promise<string> {
  return db.transaction('rw', db.candidates, db.entities, db.caseStats, async () => {
    const candidate = await db.candidates.get(id);
    if (!candidate) throw new Error('This candidate is no longer in the review queue.');
    const now = Date.now();
    const type: EntityType = overrides.type ?? candidate.type;
    const entity: StoredEntity = {
      id: newId('ent'),
      caseId: candidate.caseId,
      type,
      name: overrides.name?.trim() || candidate.name,
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
    const entity = await db.entities.get(entityId);
    if (!entity || entity.caseId !== candidate.caseId) throw new Error('That entity is not in this case.');
    if (!entity.nameKeys.includes(candidate.key)) {
      await db.entities.update(entityId, { aliases: [...entity.aliases, candidate.name], updatedAt: Date.now() });
    }
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
