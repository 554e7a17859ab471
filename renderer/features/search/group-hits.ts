import type { SearchHit } from '../../../shared/search/index';

export const GROUP_LABEL = { note: 'Notes', source: 'Source passages', entity: 'Entities' } as const;

export interface HitGroup {
  kind: SearchHit['kind'];
  hits: SearchHit[];
  /** How many match in all (more than shown when the list was cut). */
  count: number;
}

/**
 * The hits grouped by kind, each group where its best hit ranks (the
 * ranking is across kinds: a passage can lead), hits in rank order within.
 * A query with phrases or exclusions is checked hit by hit, so the counts
 * are then those shown.
 */
export function groupHits(hits: readonly SearchHit[], totals: Partial<Record<SearchHit['kind'], number>> | undefined, checkedOneByOne: boolean): HitGroup[] {
  const groups = new Map<SearchHit['kind'], SearchHit[]>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups.entries()].map(([kind, list]) => ({ kind, hits: list, count: checkedOneByOne ? list.length : Math.max(list.length, totals?.[kind] ?? 0) }));
}
