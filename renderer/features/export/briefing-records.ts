import { briefingCitationCheck, type BriefingRecords } from '../../../shared/briefing';
import type { BriefingCitationCheck } from '../../../shared/briefing/model';
import { extractText } from '../../../shared/editor/document';
import type { Note } from '../../../shared/model';
import { createCitationChecker } from '../../db/citations';
import type { CasebookDexie } from '../../db/database';

/**
 * Everything of a case a briefing reads, straight from the store. Citations
 * carry their quotes, so the only document texts read are those of cited
 * sources, once each, to check every citation against its source.
 */
export async function loadBriefingRecords(db: CasebookDexie, caseId: string): Promise<BriefingRecords> {
  const [record, notes, sources, entities, relations] = await Promise.all([
    db.cases.get(caseId),
    db.notes.where('[caseId+updatedAt]').between([caseId, -Infinity], [caseId, Infinity]).reverse().toArray(),
    db.sources.where('caseId').equals(caseId).toArray(),
    db.entities.where('[caseId+type]').between([caseId, ''], [caseId, '\uffff']).toArray(),
    db.relations.where('caseId').equals(caseId).toArray(),
  ]);
  if (!record) throw new Error('This case is no longer in the store.');
  const live = notes.filter((n) => !n.deletedAt);
  return {
    case: record,
    notes: live,
    sources,
    entities: entities.map(({ nameKeys: _n, searchKeys: _s, sortName: _o, ...entity }) => entity),
    relations,
    citationChecks: await checkNoteCitations(db, caseId, live),
  };
}

/** Every citation node of every note, checked as a click on it would be (`checkCitation`), by note id. */
async function checkNoteCitations(db: CasebookDexie, caseId: string, notes: readonly Note[]): Promise<Map<string, BriefingCitationCheck[]>> {
  const check = createCitationChecker(db, caseId);
  const byNote = new Map<string, BriefingCitationCheck[]>();
  for (const note of notes) {
    const checks: BriefingCitationCheck[] = [];
    for (const citation of extractText(note.content).citations) checks.push(briefingCitationCheck(citation.citationId, await check(citation)));
    byNote.set(note.id, checks);
  }
  return byNote;
}

/** "29 November 2026": how a briefing's date reads by default. */
export function briefingDate(now = new Date()): string {
  return now.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
