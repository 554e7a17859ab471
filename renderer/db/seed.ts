import type { EntityType } from '../../shared/model';
import type { CasebookDexie } from './database';
import { buildSeedRecords } from '../../shared/seed/records';

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
 * deleted. The seed files are fetched only here (a lazy chunk), so they cost
 * nothing on every later start.
 */
export async function ensureSeeded(db: CasebookDexie, now: () => number = Date.now): Promise<'seeded' | 'already'> {
  if (await db.meta.get(SEED_KEY)) return 'already';

  const [{ loadSeedFiles }, { default: article }] = await Promise.all([
    import('../../shared/seed/data'),
    import('../../shared/seed/fentanyl-article.txt?raw'),
  ]);
  const records = buildSeedRecords({ ...loadSeedFiles(), article, articleSha256: await sha256Hex(article) }, now());

  return db.transaction('rw', [db.meta, db.cases, db.sources, db.sourceBodies, db.entities, db.relations, db.notes, db.mentions, db.caseStats], async () => {
    if (await db.meta.get(SEED_KEY)) return 'already' as const;
    await db.cases.add(records.case);
    const { text, html, ...source } = records.source;
    await db.sources.add(source);
    await db.sourceBodies.add({ sourceId: source.id, caseId: source.caseId, text, ...(html ? { html } : {}) });
    // The creating hook fills the derived keys; the counters follow by themselves.
    await db.entities.bulkAdd(records.entities.map((e) => ({ ...e, nameKeys: [], searchKeys: [], sortName: '' })));
    await db.relations.bulkAdd(records.relations);
    await db.notes.bulkAdd(records.notes);
    await db.mentions.bulkAdd(records.mentions);
    const marker: SeedMarker = { seededAt: now(), caseId: records.case.id };
    await db.meta.put({ key: SEED_KEY, value: marker });
    return 'seeded' as const;
  });
}

export async function readSeedMarker(db: CasebookDexie): Promise<SeedMarker | undefined> {
  return (await db.meta.get(SEED_KEY))?.value as SeedMarker | undefined;
}
