import type { BriefingRecords } from '../../../shared/briefing';
import type { CasebookDexie } from '../../db/database';

/** Everything of a case a briefing reads, straight from the store (no document texts: citations carry their quotes). */
export async function loadBriefingRecords(db: CasebookDexie, caseId: string): Promise<BriefingRecords> {
  const [record, notes, sources, entities, relations] = await Promise.all([
    db.cases.get(caseId),
    db.notes.where('[caseId+updatedAt]').between([caseId, -Infinity], [caseId, Infinity]).reverse().toArray(),
    db.sources.where('caseId').equals(caseId).toArray(),
    db.entities.where('[caseId+type]').between([caseId, ''], [caseId, '\uffff']).toArray(),
    db.relations.where('caseId').equals(caseId).toArray(),
  ]);
  if (!record) throw new Error('This case is no longer in the store.');
  return {
    case: record,
    notes: notes.filter((n) => !n.deletedAt),
    sources,
    entities: entities.map(({ nameKeys: _n, searchKeys: _s, sortName: _o, ...entity }) => entity),
    relations,
  };
}

/** "29 November 2026": how a briefing's date reads by default. */
export function briefingDate(now = new Date()): string {
  return now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
