import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type CasebookDexie } from '../../../renderer/db/database';
import { createEntity, suggestEntities } from '../../../renderer/db/entities';
import { ensureSeeded } from '../../../renderer/db/seed';
import { draft, freshDatabase, uniqueName } from './fresh-db';

const SEEDED = 'case-fentanyl';
const CASE = 'case-1';

describe('suggestEntities on the seeded case', () => {
  let db: CasebookDexie;
  // One seeded database, only read by these tests.
  beforeAll(async () => {
    db = openDatabase(uniqueName('suggest'));
    await ensureSeeded(db);
    return async () => {
      db.close();
      await db.delete();
    };
  });
  const ids = async (query: string, limit?: number) => (await suggestEntities(db, SEEDED, query, limit)).map((e) => e.id);

  it('finds the company by a prefix of its name', async () => {
    const [first] = await suggestEntities(db, SEEDED, 'Yuanch');
    expect(first).toMatchObject({ id: 'ent-yuancheng-group', type: 'Company', name: 'Yuancheng Group' });
  });

  it('finds an agency by its alias', async () => {
    expect((await ids('DEA'))[0]).toBe('ent-dea');
  });

  it('finds a person by a prefix of any word of the name', async () => {
    expect((await ids('milg'))[0]).toBe('ent-anne-milgram');
    expect(await ids('anne m')).toContain('ent-anne-milgram');
  });

  it('ignores case and diacritics in the query', async () => {
    for (const q of ['MILG', 'mílg', 'Ｍｉｌｇ', '  milg ']) expect((await ids(q))[0], q).toBe('ent-anne-milgram');
    expect((await ids('felbab‑brown'))[0]).toBe('ent-vanda-felbab-brown');
  });

  it('returns at most `limit` entities, eight by default', async () => {
    expect(await ids('fentanyl')).toHaveLength(8);
    expect(await ids('fentanyl', 3)).toHaveLength(3);
  });

  it('returns some entities of the case for an empty query', async () => {
    const found = await suggestEntities(db, SEEDED, '   ', 5);
    expect(found).toHaveLength(5);
    expect(found.every((e) => e.caseId === SEEDED)).toBe(true);
  });

  it('returns nothing when nothing matches, and nothing for another case', async () => {
    expect(await ids('zzzq')).toEqual([]);
    expect(await suggestEntities(db, 'case-other', 'milg')).toEqual([]);
  });

  // 41 seeded entities have a key starting with "s"; "Synthetic opioids" starts with it.
  it('never drops a name-prefix match in favour of a longer one or a word match', async () => {
    const names = (await suggestEntities(db, SEEDED, 's')).map((e) => e.name);
    expect(names).toContain('Synthetic opioids');
  });
});

describe('suggestEntities ranking and scope', () => {
  it('ranks a name prefix before an alias prefix before a word prefix', async () => {
    const db = freshDatabase();
    const word = await createEntity(db, CASE, draft('Big Carbon Co', { type: 'Company' }));
    const alias = await createEntity(db, CASE, draft('Agency X', { type: 'PublicBody', aliases: ['Carbon Watch'] }));
    const name = await createEntity(db, CASE, draft('Carbon Unit', { type: 'Organization' }));
    expect((await suggestEntities(db, CASE, 'carb')).map((e) => e.id)).toEqual([name, alias, word]);
  });

  it('prefers the shorter name among equally good matches', async () => {
    const db = freshDatabase();
    const long = await createEntity(db, CASE, draft('Sinaloa cartel'));
    const short = await createEntity(db, CASE, draft('Sinaloa'));
    expect((await suggestEntities(db, CASE, 'sina')).map((e) => e.id)).toEqual([short, long]);
  });

  it('lists each entity once even when several of its keys match', async () => {
    const db = freshDatabase();
    const id = await createEntity(db, CASE, draft('Milgram Milgrim', { aliases: ['Milg', 'Milgram'] }));
    expect((await suggestEntities(db, CASE, 'milg')).map((e) => e.id)).toEqual([id]);
  });

  it('only suggests entities of the asked case', async () => {
    const db = freshDatabase();
    const mine = await createEntity(db, CASE, draft('Wuhan', { type: 'Place' }));
    await createEntity(db, 'case-other', draft('Wuhan', { type: 'Place' }));
    expect((await suggestEntities(db, CASE, 'wu')).map((e) => e.id)).toEqual([mine]);
    expect((await suggestEntities(db, CASE, '')).map((e) => e.id)).toEqual([mine]);
  });

  it('finds a name-prefix match however many entities merely contain a matching word', async () => {
    const db = freshDatabase();
    for (let i = 0; i < 45; i++) await createEntity(db, CASE, draft(`Agent ${String(i).padStart(2, '0')} Mab`));
    const mary = await createEntity(db, CASE, draft('Mary'));
    expect((await suggestEntities(db, CASE, 'ma'))[0]?.id).toBe(mary);
  });
});
