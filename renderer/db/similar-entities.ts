import type { CasebookDexie, StoredEntity } from './database';
import { foldText } from '../../shared/linking/normalize';

/** Words too common to say two names are alike. */
const STOP = new Set(['the', 'of', 'and', 'for', 'de', 'la', 'del', 'van', 'von', 'der', 'mr', 'mrs', 'ms', 'dr']);

const wordsOf = (name: string) => foldText(name).replace(/[.'’]/g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1 && !STOP.has(w));

/**
 * How much of an entity's name the candidate's words cover, for the best of
 * its names: all of "Anne Milgram" is in "DEA Administrator Anne Milgram"
 * (and two words of it), only "DEA" of the other. Covering more of the
 * entity's name counts most, sharing more words breaks ties.
 */
function likeness(candidate: ReadonlySet<string>, entity: StoredEntity): number {
  let best = 0;
  for (const name of [entity.name, ...entity.aliases]) {
    const words = wordsOf(name);
    if (words.length === 0) continue;
    const shared = words.filter((w) => candidate.has(w)).length;
    if (shared === 0) continue;
    best = Math.max(best, shared / words.length + 0.25 * (shared / candidate.size) + 0.01 * shared);
  }
  return best;
}

/**
 * Entities of the case whose names share words with `name`, most alike
 * first: what "Alias of…" offers before the user types anything.
 */
export async function similarEntities(db: CasebookDexie, caseId: string, name: string, limit = 6): Promise<StoredEntity[]> {
  const words = new Set(wordsOf(name));
  if (words.size === 0) return [];
  const found = new Map<string, StoredEntity>();
  for (const word of words) {
    for (const entity of await db.entities.where('searchKeys').equals(word).filter((e) => e.caseId === caseId).limit(50).toArray()) {
      found.set(entity.id, entity);
    }
  }
  return [...found.values()]
    .map((entity) => ({ entity, score: likeness(words, entity) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.entity.name.length - b.entity.name.length || a.entity.name.localeCompare(b.entity.name))
    .slice(0, limit)
    .map((s) => s.entity);
}
