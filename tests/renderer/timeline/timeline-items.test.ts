import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { updateEntity } from '../../../renderer/db/entities';
import { loadTimeline } from '../../../renderer/features/timeline/load-timeline';
import { buildTimelineItems, filterTimelineItems, type TimelineItem } from '../../../renderer/features/timeline/timeline-items';
import { orderTimeline } from '../../../renderer/features/timeline/timeline-order';
import type { Entity, Relation } from '../../../shared/model';
import { SEED_CASE, seededDatabase } from './seeded';

const indexOf = (items: TimelineItem[], title: string) => {
  const i = items.findIndex((item) => item.title.startsWith(title));
  expect(i, `no item titled “${title}…”`).toBeGreaterThanOrEqual(0);
  return i;
};

describe('the timeline of the seeded case', () => {
  it('tells the story in its real order', async () => {
    const db = await seededDatabase();
    const items = await loadTimeline(db, SEED_CASE);
    const story = [
      'Nancy Pelosi visit to Taiwan',
      'CCP moratorium on drug-enforcement cooperation',
      'House hearing “The CCP’s Business Model',
      'House Appropriations Committee budget hearing',
      'DOJ charges against two Chinese precursor suppliers',
      'Treasury sanctions on two Chinese entities',
      'Chinese Foreign Ministry response to U.S. sanctions',
      'Operation SpecTor results announced',
    ].map((title) => indexOf(items, title));
    expect(story).toEqual([...story].sort((a, b) => a - b));
    // Everything is in date order.
    for (let i = 1; i < items.length; i++) expect(items[i]!.from).toBeGreaterThanOrEqual(items[i - 1]!.from);
  });

  it('shows dates as written, with figures ranges and event kinds', async () => {
    const db = await seededDatabase();
    const items = await loadTimeline(db, SEED_CASE);
    const byTitle = (title: string) => items[indexOf(items, title)]!;
    expect(byTitle('Nancy Pelosi visit to Taiwan')).toMatchObject({ dateLabel: 'Aug 2022', category: 'Event', subtitle: 'visit', kind: 'entity' });
    expect(byTitle('House Appropriations Committee budget hearing').dateLabel).toBe('29 Mar 2023');
    expect(byTitle('107,735 U.S. overdose deaths')).toMatchObject({ dateLabel: 'Aug 2021 – Aug 2022', category: 'Figure', from: Date.UTC(2021, 7, 1), to: Date.UTC(2022, 8, 1) });
    expect(byTitle('Operation SpecTor results announced').dateNote).toMatch(/Year inferred/);
    // Citations come along.
    expect(byTitle('House hearing “The CCP’s Business Model').quotes.length).toBeGreaterThan(0);
  });

  it('adds dated relations between undated entities, and no echo of a dated event', async () => {
    const db = await seededDatabase();
    const items = await loadTimeline(db, SEED_CASE);
    const relations = items.filter((i) => i.kind === 'relation');
    expect(relations.map((r) => r.title)).toContain('Nancy Pelosi visited Taiwan');
    const visit = relations.find((r) => r.title === 'Nancy Pelosi visited Taiwan')!;
    expect(visit).toMatchObject({ dateLabel: 'Aug 2022', colourType: 'Person', entityId: 'ent-nancy-pelosi' });
    expect(visit.quotes.length).toBeGreaterThan(0);
    // "Merrick Garland gave <his testimony>" is the testimony's own item.
    expect(relations.some((r) => r.title.startsWith('Merrick Garland'))).toBe(false);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('filters by type and by entity, a related entity keeping its events', async () => {
    const db = await seededDatabase();
    const items = await loadTimeline(db, SEED_CASE);
    const events = filterTimelineItems(items, { categories: new Set(['Event']) });
    expect(events.length).toBe(14);
    expect(events.every((i) => i.category === 'Event')).toBe(true);
    const his = filterTimelineItems(items, { categories: new Set(), entityId: 'ent-merrick-garland' }).map((i) => i.title);
    expect(his).toEqual(expect.arrayContaining(['House Appropriations Committee budget hearing', 'Merrick Garland testimony on Chinese-made precursors']));
    expect(his).not.toContain('Nancy Pelosi visit to Taiwan');
    expect(filterTimelineItems(items, { categories: new Set(['relation']) }).every((i) => i.kind === 'relation')).toBe(true);
  });

  it('moves an event when its date is edited', async () => {
    const db = await seededDatabase();
    const visit = (await db.entities.get('evt-pelosi-taiwan-visit-2022'))!;
    await updateEntity(db, visit.id, { ...visit, properties: { ...visit.properties, date: '2023-06-01' } });
    const items = await loadTimeline(db, SEED_CASE);
    expect(items[items.length - 1]!.title).toBe('Nancy Pelosi visit to Taiwan');
    expect(items[items.length - 1]!.dateLabel).toBe('1 Jun 2023');
  });
});

describe('building and ordering items', () => {
  const entity = (id: string, name: string, properties: Entity['properties'], type: Entity['type'] = 'Event'): Entity => ({
    id, caseId: 'c', type, name, aliases: [], description: '', properties, protected: false, quotes: [], createdAt: 0, updatedAt: 0,
  });
  const relation = (id: string, type: Relation['type'], fromId: string, toId: string, date?: string): Relation => ({
    id, caseId: 'c', type, fromId, toId, ...(date ? { date } : {}), quotes: [], createdAt: 0,
  });

  it('leaves out dates it cannot read, and an end before the start', () => {
    const items = buildTimelineItems(
      [entity('a', 'Typo', { date: 'March 2023' }), entity('b', 'Backwards', { date: '2023-05', endDate: '2023-01' }), entity('c', 'Person with a date', { date: '2023' }, 'Person')],
      [],
    );
    expect(items.map((i) => [i.title, i.dateLabel])).toEqual([['Backwards', 'May 2023']]);
  });

  it('puts a coarser date first, and follows "followed" within a shared date, cycles included', () => {
    const entities = [entity('late', 'A later thing', { date: '2022-08' }), entity('early', 'Z earlier thing', { date: '2022-08' }), entity('year', 'The year', { date: '2022' })];
    const plain = orderTimeline(buildTimelineItems(entities, []), []).map((i) => i.entityId);
    expect(plain).toEqual(['year', 'late', 'early']);
    const followed = [relation('r', 'followed', 'late', 'early')];
    expect(orderTimeline(buildTimelineItems(entities, followed), followed).map((i) => i.entityId)).toEqual(['year', 'early', 'late']);
    const cycle = [...followed, relation('r2', 'followed', 'early', 'late')];
    expect(orderTimeline(buildTimelineItems(entities, cycle), cycle).map((i) => i.entityId).sort()).toEqual(['early', 'late', 'year']);
  });
});
