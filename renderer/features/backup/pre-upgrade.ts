import Dexie from 'dexie';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';
import type { CasebookApi } from '../../../shared/ipc/contract';
import type { Entity, Source, SourceBody } from '../../../shared/model';
import { SCHEMA_VERSIONS } from '../../db/database';
import { keepReferencesInside } from '../../../shared/export/snapshot-references';

/**
 * Dexie opens IndexedDB at ten times its own version number (so 2 is
 * IndexedDB version 20); this turns what IndexedDB reports back into ours.
 */
export const DEXIE_VERSION_FACTOR = 10;

/** The schema version of the installed store, or null when there is none yet. */
export async function installedSchemaVersion(name: string, idb: IDBFactory = indexedDB): Promise<number | null> {
  if (typeof idb.databases !== 'function') return null; // Cannot tell: no backup, the upgrade proceeds as before.
  const found = (await idb.databases()).find((d) => d.name === name);
  if (!found?.version) return null;
  return Math.round(found.version / DEXIE_VERSION_FACTOR) || null;
}

/** True when opening the store with today's code would upgrade it. */
export function upgradePending(installed: number | null, newest: number = SCHEMA_VERSIONS.at(-1)!.version): installed is number {
  return installed !== null && installed < newest;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Reads every case of a store written by an older schema, as it is, into
 * today's snapshot shape (a v1 source's text becomes its body), opening it
 * with exactly the stores that version declared, so nothing is upgraded.
 */
export async function readOldStore(name: string, version: number): Promise<CaseSnapshot[]> {
  const db = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) db.version(v.version).stores(v.stores);
  await db.open();
  try {
    const has = (table: string) => db.tables.some((t) => t.name === table);
    const all = async <T,>(table: string): Promise<T[]> => (has(table) ? ((await db.table(table).toArray()) as T[]) : []);
    const [cases, notes, rawSources, storedBodies, entities, relations, mentions, citations, candidates] = await Promise.all([
      all<CaseSnapshot['case']>('cases'),
      all<CaseSnapshot['notes'][number]>('notes'),
      all<Source & { text?: string; html?: string }>('sources'),
      all<SourceBody>('sourceBodies'),
      all<Entity & Record<string, unknown>>('entities'),
      all<CaseSnapshot['relations'][number]>('relations'),
      all<CaseSnapshot['mentions'][number]>('mentions'),
      all<CaseSnapshot['citations'][number]>('citations'),
      all<CaseSnapshot['candidates'][number]>('candidates'),
    ]);
    const bodies = new Map(storedBodies.map((b) => [b.sourceId, b]));
    const sources: Source[] = rawSources.map(({ text, html, ...source }) => {
      if (!bodies.has(source.id)) bodies.set(source.id, { sourceId: source.id, caseId: source.caseId, text: text ?? '', ...(html ? { html } : {}) });
      return source;
    });
    const of = <T extends { caseId: string }>(rows: T[], caseId: string) => rows.filter((r) => r.caseId === caseId);
    return cases.map((c) => keepReferencesInside({
      case: c,
      notes: of(notes, c.id).sort(byId),
      sources: of(sources, c.id).sort(byId),
      sourceBodies: of([...bodies.values()], c.id).sort((a, b) => byId({ id: a.sourceId }, { id: b.sourceId })),
      entities: of(entities, c.id)
        .map(({ nameKeys: _n, searchKeys: _s, sortName: _o, ...entity }) => entity as Entity)
        .sort(byId),
      relations: of(relations, c.id).sort(byId),
      mentions: of(mentions, c.id).sort(byId),
      citations: of(citations, c.id).sort(byId),
      candidates: of(candidates, c.id).sort(byId),
    }));
  } finally {
    db.close();
  }
}

/**
 * Before today's code opens (and so upgrades) an older store: reads each
 * case the old way and has main write it as a `pre-upgrade` backup. Called
 * in main.tsx before `db.open()`. A backup that fails is logged, not fatal:
 * the upgrade itself keeps every record (tests/renderer/db/migrations.test.ts).
 */
export async function backupBeforeUpgrade(
  name: string,
  api: Pick<CasebookApi, 'backupAuto'> | undefined,
  log: (message: string, error?: unknown) => void,
  idb: IDBFactory = indexedDB,
): Promise<{ from: number; written: number } | null> {
  const installed = await installedSchemaVersion(name, idb);
  if (!api || !upgradePending(installed)) return null;
  let written = 0;
  for (const snapshot of await readOldStore(name, installed)) {
    const result = await api.backupAuto({ snapshot, reason: 'pre-upgrade' });
    if (result.ok && result.value.written) written++;
    else if (!result.ok) log(`The backup before upgrading the store from version ${installed} failed`, result.error.message);
  }
  return { from: installed, written };
}
