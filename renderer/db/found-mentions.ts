import type { Mention } from '../../shared/model';
import { snippetAround } from '../../shared/linking/snippet';
import type { CasebookDexie } from './database';

/** A name the linker found: an entity and a range of the target's text. */
export interface FoundName {
  entityId: string;
  start: number;
  end: number;
}

export type MentionTarget = { kind: 'note' | 'source'; id: string };

/**
 * Replaces what the linker found in one note or source with `found`, in one
 * transaction. Confirmed mentions (typed with @, or attested by a quote) are
 * kept, and a found name that repeats one of them is not stored twice. Found
 * rows are `suggested`: the linker proposes, the user's own links confirm.
 * Writes nothing (`stale`) when the target's text is no longer `text`, so a
 * slow link never overwrites what a newer save found. `entityIds`, when
 * given, drops names of entities deleted while the linker ran.
 */
export async function replaceFoundMentions(
  db: CasebookDexie,
  caseId: string,
  target: MentionTarget,
  text: string,
  found: readonly FoundName[],
  entityIds?: ReadonlySet<string>,
): Promise<{ stored: number; stale: boolean }> {
  return db.transaction('rw', db.mentions, db.notes, db.sourceBodies, async () => {
    const current = target.kind === 'note' ? (await db.notes.get(target.id))?.text : (await db.sourceBodies.get(target.id))?.text;
    if (current !== text) return { stored: 0, stale: true };
    const existing = await db.mentions.where('[targetKind+targetId]').equals([target.kind, target.id]).toArray();
    const confirmed = existing.filter((m) => m.status === 'confirmed');
    const taken = new Set(confirmed.map((m) => `${m.entityId}:${m.start}`));
    const overlapsConfirmed = (f: FoundName) => confirmed.some((m) => m.entityId === f.entityId && m.start < f.end && f.start < m.end);
    const rows: Mention[] = [];
    for (const f of found) {
      if (entityIds && !entityIds.has(f.entityId)) continue;
      if (taken.has(`${f.entityId}:${f.start}`) || overlapsConfirmed(f)) continue;
      taken.add(`${f.entityId}:${f.start}`);
      rows.push({
        id: `found-${target.kind}-${target.id}-${f.start}-${f.entityId}`,
        caseId,
        entityId: f.entityId,
        targetKind: target.kind,
        targetId: target.id,
        start: f.start,
        end: f.end,
        snippet: snippetAround(text, f.start, f.end),
        status: 'suggested',
      });
    }
    const stale = existing.filter((m) => m.status === 'suggested').map((m) => m.id);
    await db.mentions.bulkDelete(stale);
    await db.mentions.bulkAdd(rows);
    return { stored: rows.length, stale: false };
  });
}
