import type { CasebookDexie } from './database';
import { buildSeedRecords, type SeedRecords } from '../../shared/seed/records';
import { restoreCase } from './cases';

const SEED_KEY = 'seed';

export interface SeedMarker {
  seededAt: number;
  caseId: string;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Loads the seeded case on the very first run, and never again: the marker
 * is written in the same transaction as the data, and checked again inside
 * it, so two windows starting at once cannot seed twice and a failed seed
 * leaves nothing half-written. A user who deletes the seeded case keeps it
 * deleted (Help can add it back: `addSampleCase`).
 */
export async function ensureSeeded(db: CasebookDexie, now: () => number = Date.now): Promise<'seeded' | 'already'> {
  if (await db.meta.get(SEED_KEY)) return 'already';
  const records = await loadSampleRecords(now());
  return db.transaction('rw', [db.meta, ...sampleTables(db)], async () => {
    if (await db.meta.get(SEED_KEY)) return 'already' as const;
    await writeSample(db, records);
    const marker: SeedMarker = { seededAt: now(), caseId: records.case.id };
    await db.meta.put({ key: SEED_KEY, value: marker });
    return 'seeded' as const;
  });
}

/**
 * Help → Add the sample case: brings the sample back if it is in the Trash,
 * or writes it afresh if it was deleted for good; an existing sample is
 * simply returned. Resolves to the sample's case id.
 */
export async function addSampleCase(db: CasebookDexie, now: () => number = Date.now): Promise<string> {
  const records = await loadSampleRecords(now());
  return db.transaction('rw', sampleTables(db), async () => {
    const existing = await db.cases.get(records.case.id);
    if (existing) {
      if (existing.deletedAt !== undefined) await restoreCase(db, existing.id);
      return existing.id;
    }
    await writeSample(db, records);
    return records.case.id;
  });
}

/** The seed files are fetched only here (a lazy chunk), so they cost nothing on every later start. */
async function loadSampleRecords(now: number): Promise<SeedRecords> {
  const [{ loadSeedFiles }, { default: article }] = await Promise.all([
    import('../../shared/seed/data'),
    import('../../shared/seed/fentanyl-article.txt?raw'),
  ]);
  return buildSeedRecords({ ...loadSeedFiles(), article, articleSha256: await sha256Hex(article) }, now);
}

const sampleTables = (db: CasebookDexie) => [db.cases, db.sources, db.sourceBodies, db.entities, db.relations, db.notes, db.mentions, db.caseStats];

async function writeSample(db: CasebookDexie, records: SeedRecords): Promise<void> {
  await db.cases.add(records.case);
  const { text, html, ...source } = records.source;
  await db.sources.add(source);
  await db.sourceBodies.add({ sourceId: source.id, caseId: source.caseId, text, ...(html ? { html } : {}) });
  // The creating hook fills the derived keys; the counters follow by themselves.
  await db.entities.bulkAdd(records.entities.map((e) => ({ ...e, nameKeys: [], searchKeys: [], sortName: '' })));
  await db.relations.bulkAdd(records.relations);
  await db.notes.bulkAdd(records.notes);
  await db.mentions.bulkAdd(records.mentions);
}

export async function readSeedMarker(db: CasebookDexie): Promise<SeedMarker | undefined> {
  return (await db.meta.get(SEED_KEY))?.value as SeedMarker | undefined;
}
