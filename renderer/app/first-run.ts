import type { CasebookDexie } from '../db/database';
import { ensureSeeded } from '../db/seed';

/**
 * The first-run choice: on the very first start Casebook opens the sample
 * case and offers, once, to start the user's own case instead. The offer is
 * a flag in `meta`, set when the sample is seeded and cleared by either
 * answer, so it survives a restart until the user has answered and never
 * comes back after (nor for a store that was seeded before it existed).
 */
const KEY = 'first-run-choice';

interface FirstRunChoice {
  pending: boolean;
}

/** Called when the sample was just seeded: the choice is offered from now on. */
export async function offerFirstRunChoice(db: CasebookDexie): Promise<void> {
  await db.meta.put({ key: KEY, value: { pending: true } satisfies FirstRunChoice });
}

/** Whether the first-run choice is still waiting for an answer. */
export async function isFirstRunChoicePending(db: CasebookDexie): Promise<boolean> {
  const value = (await db.meta.get(KEY))?.value as Partial<FirstRunChoice> | undefined;
  return value?.pending === true;
}

/** The user answered (a new case, or the sample): the choice is not offered again. */
export async function settleFirstRunChoice(db: CasebookDexie): Promise<void> {
  await db.meta.put({ key: KEY, value: { pending: false } satisfies FirstRunChoice });
}

/** On start: seeds the sample on the very first run, and then offers the choice. */
export async function seedOnFirstRun(db: CasebookDexie): Promise<void> {
  if ((await ensureSeeded(db)) === 'seeded') await offerFirstRunChoice(db);
}
