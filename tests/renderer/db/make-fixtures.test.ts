/**
 * Writes tests/fixtures/db/v<N>.json for a schema version that has just
 * shipped; runs only when asked, since a shipped version's fixture is never
 * rewritten: UPDATE_DB_FIXTURES=3 npx vitest run tests/renderer/db/make-fixtures.test.ts
 */
import 'fake-indexeddb/auto';
import { writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '../../../renderer/db/database';
import { freshDatabase } from './fresh-db';
import { asVersion, buildRealisticStore, dumpTables, type FixtureDb } from './fixture-db';

const wanted = (process.env.UPDATE_DB_FIXTURES ?? '').split(',').filter(Boolean).map(Number);

describe('fixture databases', () => {
  it('has one for every schema version (write a new one with UPDATE_DB_FIXTURES=N)', () => {
    const missing = SCHEMA_VERSIONS.map((v) => v.version).filter((v) => !existsSync(join(__dirname, '../../fixtures/db', `v${v}.json`)) && !wanted.includes(v));
    expect(missing, `no fixture database for schema version(s) ${missing.join(', ')}`).toEqual([]);
  });

  it('writes the requested versions, and only those', async () => {
    if (!wanted.length) return;
    const db = freshDatabase();
    await buildRealisticStore(db);
    const tables = await dumpTables(db);
    for (const version of wanted) {
      const path = join(__dirname, '../../fixtures/db', `v${version}.json`);
      if (existsSync(path) && !process.env.OVERWRITE_DB_FIXTURES) throw new Error(`${path} exists: a shipped fixture is never rewritten.`);
      const fixture: FixtureDb = {
        version,
        description: `A store as schema v${version} wrote it: the seeded case, a note with two mentions and a citation, an imported HTML source${version >= 2 ? ', a pending candidate' : ''}${version >= 3 ? ', a note version, an entity in the Trash' : ''}.`,
        tables: asVersion(version, tables),
      };
      writeFileSync(path, `${JSON.stringify(fixture, null, 1)}\n`);
    }
  });
});
