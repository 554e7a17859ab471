import Dexie from 'dexie';
import { sourceTitle, type Note, type Source, type SourceBody } from '../../../shared/model';
import { noteSearchTarget, searchText, type SearchIndexSnapshot, type SearchKind, type SearchTarget } from '../../../shared/search/index';
import type { CasebookDexie, SearchIndexRecord, StoredEntity } from '../../db/database';

/**
 * What the search worker reads and writes in the case's database itself, so
 * that neither the saved index nor the texts a query's hits need ever cross
 * the UI thread: the saved index, the change journal since it
 * (renderer/db/search-changes.ts), and the targets and texts it names.
 */
export interface CaseStore {
  loadIndex(): Promise<SearchIndexRecord | undefined>;
  saveIndex(snapshot: SearchIndexSnapshot, changeSeq: number): Promise<void>;
  /** The case's change counter now (0 before its first journaled write). */
  changeSeq(): Promise<number>;
  /** The targets journaled after `seq`, as they are now (`target` undefined: gone from search), and the counter they bring it to. */
  changesSince(seq: number): Promise<{ seq: number; changes: { kind: SearchKind; id: string; target?: SearchTarget }[] }>;
  /** The texts of these targets, as the index searched them (gone ones left out). */
  texts(targets: readonly { kind: SearchKind; id: string }[]): Promise<{ kind: SearchKind; id: string; text: string }[]>;
}

const stripKeys = ({ nameKeys: _n, searchKeys: _s, sortName: _o, ...entity }: StoredEntity) => entity;

/** A stored entity as search sees it (without the derived lookup keys). */
export const entityTarget = (entity: StoredEntity): SearchTarget => ({ kind: 'entity', entity: stripKeys(entity) });

/** A source as search sees it: under the title the user gave it, with its text; none while in the Trash or without a body. */
export function sourceTarget(source: Source | undefined, body: SourceBody | undefined): SearchTarget | undefined {
  if (!source || !body || source.deletedAt !== undefined) return undefined;
  return { kind: 'source', source: { ...source, title: sourceTitle(source), text: body.text, ...(body.html ? { html: body.html } : {}) } };
}

export const noteTarget = (note: Note | undefined): SearchTarget | undefined => (note && !note.deletedAt ? noteSearchTarget(note) : undefined);

export function createCaseStore(db: CasebookDexie, caseId: string): CaseStore {
  const journal = () => db.searchChanges.where('[caseId+seq]');
  const lastSeq = async () => (await journal().between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last())?.seq ?? 0;

  const targetsOf = async (wanted: readonly { kind: SearchKind; id: string }[]) => {
    const ids = (kind: SearchKind) => wanted.filter((w) => w.kind === kind).map((w) => w.id);
    const [notes, sources, bodies, entities] = await Promise.all([
      db.notes.bulkGet(ids('note')),
      db.sources.bulkGet(ids('source')),
      db.sourceBodies.bulkGet(ids('source')),
      db.entities.bulkGet(ids('entity')),
    ]);
    // Read by id: a row of another case (never expected) is treated as gone from this one.
    const inCase = <T extends { caseId: string }>(row: T | undefined) => (row?.caseId === caseId ? row : undefined);
    const out = new Map<string, SearchTarget | undefined>();
    ids('note').forEach((id, i) => out.set(`note:${id}`, noteTarget(inCase(notes[i]))));
    ids('source').forEach((id, i) => out.set(`source:${id}`, sourceTarget(inCase(sources[i]), inCase(bodies[i]))));
    ids('entity').forEach((id, i) => {
      const entity = inCase(entities[i]);
      out.set(`entity:${id}`, entity ? entityTarget(entity) : undefined);
    });
    return out;
  };

  return {
    loadIndex: () => db.searchIndexes.get(caseId),
    saveIndex: async (snapshot, changeSeq) => {
      await db.transaction('rw', db.searchIndexes, db.searchChanges, async () => {
        await db.searchIndexes.put({ caseId, version: snapshot.version, changeSeq, savedAt: Date.now(), snapshot });
        // The journal up to the saved counter is spent.
        await journal().between([caseId, Dexie.minKey], [caseId, changeSeq], true, true).delete();
      });
    },
    changeSeq: lastSeq,
    changesSince: (seq) =>
      // One transaction: the rows read are those as of the last journal row read.
      db.transaction('r', [db.searchChanges, db.notes, db.sources, db.sourceBodies, db.entities], async () => {
        const rows = await journal().between([caseId, seq], [caseId, Dexie.maxKey], false, true).toArray();
        const wanted = new Map(rows.map((r) => [`${r.kind}:${r.id}`, { kind: r.kind, id: r.id }]));
        const targets = await targetsOf([...wanted.values()]);
        return {
          seq: rows.at(-1)?.seq ?? seq,
          changes: [...wanted.entries()].map(([key, w]) => {
            const target = targets.get(key);
            return target ? { ...w, target } : w;
          }),
        };
      }),
    texts: async (wanted) => {
      const targets = await targetsOf(wanted);
      return wanted.flatMap((w) => {
        const target = targets.get(`${w.kind}:${w.id}`);
        return target ? [{ ...w, text: searchText(target) }] : [];
      });
    },
  };
}
