import { ensureSeeded } from '../../../renderer/db/seed';
import { freshDatabase } from '../db/fresh-db';

export const SEED_CASE = 'case-fentanyl';

/** A fresh database holding the seeded case, deleted after the test. */
export async function seededDatabase() {
  const db = freshDatabase();
  await ensureSeeded(db);
  return db;
}
