import Dexie from 'dexie';
import type { Entity, Relation } from '../../../shared/model';
import type { CasebookDexie } from '../../db/database';
import { countEntitiesByType } from '../../db/entities';
import { bulkGetInCase, inCase } from '../../db/case-scope';
import type { GraphQuery } from './graph-data';

/** A whole case is drawn only up to this size; past it the user starts from an entity. */
export const WHOLE_CASE_LIMIT = 400;

export type GraphSlice = { kind: 'slice'; entities: Entity[]; relations: Relation[] } | { kind: 'too-large'; entityCount: number };

/**
 * What `buildGraph` needs for a query, read through indexes: from a focus,
 * the relations of every node within reach (walking as `buildGraph` does,
 * but through every type, so a type filter only ever narrows what is read)
 * and the entities they touch; without one, the whole case when it is small
 * enough to draw. Calls only Dexie, so it serves `useLiveQuery`.
 */
export async function loadGraphSlice(db: CasebookDexie, caseId: string, query: Pick<GraphQuery, 'focusId' | 'depth' | 'expanded'>): Promise<GraphSlice> {
  if (query.focusId === null) {
    const entityCount = Object.values(await countEntitiesByType(db, caseId)).reduce((a, b) => a + b, 0);
    if (entityCount > WHOLE_CASE_LIMIT) return { kind: 'too-large', entityCount };
    const [entities, relations] = await Promise.all([
      db.entities.where('[caseId+type]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray(),
      db.relations.where('caseId').equals(caseId).toArray(),
    ]);
    return { kind: 'slice', entities, relations };
  }

  const ofCase = inCase(caseId);
  const hops = new Map<string, number>([[query.focusId, 0]]);
  const relations = new Map<string, Relation>();
  let frontier = [query.focusId];
  while (frontier.length > 0) {
    const inFrontier = new Set(frontier);
    const [outgoing, incoming] = await Promise.all([
      db.relations.where('fromId').anyOf(frontier).filter(ofCase).toArray(),
      db.relations.where('toId').anyOf(frontier).filter(ofCase).toArray(),
    ]);
    const touching = [...outgoing, ...incoming];
    for (const r of touching) relations.set(r.id, r);
    const next: string[] = [];
    for (const r of touching) {
      for (const [here, there] of [[r.fromId, r.toId], [r.toId, r.fromId]] as const) {
        const hop = hops.get(here);
        if (hop === undefined || !inFrontier.has(here) || hops.has(there)) continue;
        if (hop >= query.depth && !query.expanded.has(here)) continue;
        hops.set(there, hop + 1);
        next.push(there);
      }
    }
    frontier = next;
  }
  const entities = await bulkGetInCase(db.entities, caseId, [...hops.keys()]);
  return { kind: 'slice', entities, relations: [...relations.values()] };
}
