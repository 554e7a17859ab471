import { describe, expect, it } from 'vitest';
import { groupHits } from '../../../../renderer/features/search/group-hits';
import { seededIndex } from '../../../shared/search/fixture';

const index = seededIndex();

describe('the search palette’s groups', () => {
  it('groups hits by kind, each group where its best hit ranks, hits in rank order, with how many match in all', () => {
    const hits = index.search('Mexico', { limit: 6 });
    const { totals } = index.rank('Mexico');
    const groups = groupHits(hits, totals, false);
    // Every hit is in one group, in the order the ranking gave within its kind.
    expect(groups.flatMap((g) => g.hits).sort((a, b) => b.score - a.score)).toEqual(hits);
    for (const g of groups) expect(g.hits.every((h) => h.kind === g.kind)).toBe(true);
    for (const g of groups) expect(g.hits.map((h) => h.score)).toEqual([...g.hits.map((h) => h.score)].sort((a, b) => b - a));
    // Groups come in the order of their best hits.
    const firsts = groups.map((g) => g.hits[0]!.score);
    expect(firsts).toEqual([...firsts].sort((a, b) => b - a));
    // The counts are every match, not only those shown (the list was cut at 6).
    expect(totals.entity).toBeGreaterThan(groups.find((g) => g.kind === 'entity')!.hits.length);
    expect(groups.find((g) => g.kind === 'entity')!.count).toBe(totals.entity);
    expect(totals.source).toBeGreaterThan(0);
  });

  it('counts what is shown when hits were checked one by one (phrases, exclusions)', () => {
    const hits = index.search('"Sinaloa cartel"', { limit: 30 });
    const groups = groupHits(hits, index.rank('"Sinaloa cartel"').totals, true);
    for (const g of groups) expect(g.count).toBe(g.hits.length);
  });
});
