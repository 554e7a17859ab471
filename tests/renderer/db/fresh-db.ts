import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { openDatabase, type CasebookDexie } from '../../../renderer/db/database';
import type { EntityDraft } from '../../../renderer/db/entities';

const opened: CasebookDexie[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

let counter = 0;

/** A database name no other test uses. */
export const uniqueName = (label = 'test') => `casebook-${label}-${++counter}-${crypto.randomUUID()}`;

/** Opens a Casebook database (the real schema and hooks) that is deleted after the test. */
export function freshDatabase(name: string = uniqueName()): CasebookDexie {
  const db = openDatabase(name);
  opened.push(db);
  return db;
}

export const draft = (name: string, more: Partial<EntityDraft> = {}): EntityDraft => ({
  type: 'Person',
  name,
  aliases: [],
  description: '',
  properties: {},
  protected: false,
  ...more,
});
