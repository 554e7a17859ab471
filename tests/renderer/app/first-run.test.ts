import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isFirstRunChoicePending, seedOnFirstRun, settleFirstRunChoice } from '../../../renderer/app/first-run';
import { ensureSeeded } from '../../../renderer/db/seed';
import { freshDatabase } from '../db/fresh-db';

describe('the first-run choice', () => {
  it('is offered when the sample is seeded on the very first start, and kept until answered', async () => {
    const db = freshDatabase();
    expect(await isFirstRunChoicePending(db)).toBe(false);
    await seedOnFirstRun(db);
    expect(await db.cases.count()).toBe(1);
    expect(await isFirstRunChoicePending(db)).toBe(true);
    // A restart before answering offers it again.
    await seedOnFirstRun(db);
    expect(await isFirstRunChoicePending(db)).toBe(true);
  });

  it('is not offered again once answered, nor after a later start', async () => {
    const db = freshDatabase();
    await seedOnFirstRun(db);
    await settleFirstRunChoice(db);
    expect(await isFirstRunChoicePending(db)).toBe(false);
    await seedOnFirstRun(db);
    expect(await isFirstRunChoicePending(db)).toBe(false);
  });

  it('is not offered to a store seeded before the choice existed', async () => {
    const db = freshDatabase();
    await ensureSeeded(db);
    await seedOnFirstRun(db);
    expect(await isFirstRunChoicePending(db)).toBe(false);
  });
});
