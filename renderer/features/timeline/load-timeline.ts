import type { Entity } from '../../../shared/model';
import type { CasebookDexie } from '../../db/database';
import { bulkGetInCase } from '../../db/case-scope';
import { DATED_TYPES, buildTimelineItems, type TimelineItem } from './timeline-items';
import { orderTimeline } from './timeline-order';

/**
 * The case's timeline, in order. Reads only what can be dated: Events and
 * Figures through the [caseId+type] index, the case's relations, and the
 * entities at the ends of dated relations. Calls only Dexie, so it works
 * as a `useLiveQuery` querier: editing a date re-runs it.
 */
export async function loadTimeline(db: CasebookDexie, caseId: string): Promise<TimelineItem[]> {
  const [typed, relations] = await Promise.all([
    Promise.all(DATED_TYPES.map((type) => db.entities.where('[caseId+type]').equals([caseId, type]).toArray())),
    db.relations.where('caseId').equals(caseId).toArray(),
  ]);
  const entities = new Map<string, Entity>(typed.flat().map((e) => [e.id, e]));
  const missing = [...new Set(relations.filter((r) => r.date).flatMap((r) => [r.fromId, r.toId]))].filter((id) => !entities.has(id));
  for (const e of await bulkGetInCase(db.entities, caseId, missing)) entities.set(e.id, e);
  return orderTimeline(buildTimelineItems([...entities.values()], relations), relations);
}
