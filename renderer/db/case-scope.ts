import type { Table } from 'dexie';

/**
 * Every read is scoped to its case. Ids are unique across cases, but a row
 * found by id, or through an index that spans cases (`entityId`, `fromId`,
 * `[targetKind+targetId]`…), is only trusted once its `caseId` is the case
 * being read: a record of another case (planted by an old backup, or pasted
 * across cases before pastes were checked) is then simply not there.
 */

interface CaseRow {
  caseId: string;
}

/** A filter for `Array.filter` and Dexie's `Collection.filter`: rows of `caseId` only. */
export const inCase =
  (caseId: string) =>
  <T extends CaseRow>(row: T | undefined): row is T =>
    row !== undefined && row.caseId === caseId;

/** The row with this id, if it belongs to the case. */
export async function getInCase<T extends CaseRow>(table: Table<T, string, unknown>, caseId: string, id: string): Promise<T | undefined> {
  const row = await table.get(id);
  return row?.caseId === caseId ? row : undefined;
}

/** The rows with these ids that belong to the case, in the order found. */
export async function bulkGetInCase<T extends CaseRow>(table: Table<T, string, unknown>, caseId: string, ids: string[]): Promise<T[]> {
  return (await table.bulkGet(ids)).filter(inCase(caseId));
}
