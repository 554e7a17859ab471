import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { loadTimeline } from '../../../renderer/features/timeline/load-timeline';
import { fitWindow, zoomAnchor, zoomWindow, type TimeWindow } from '../../../renderer/features/timeline/timeline-scale';
import { SEED_CASE, seededDatabase } from './seeded';

const DAY = 86_400_000;
const inView = (w: TimeWindow, items: { from: number; to: number }[]) => items.filter((i) => (i.from + i.to) / 2 >= w.start && (i.from + i.to) / 2 <= w.end);

describe('zooming the time axis', () => {
  it('holds the selected item still when it is in view', () => {
    const w = { start: 0, end: 1000 * DAY };
    expect(zoomAnchor(w, [{ from: 100 * DAY, to: 100 * DAY }], { from: 800 * DAY, to: 800 * DAY })).toBeCloseTo(0.8);
    // Selected but off screen: the items in view decide.
    expect(zoomAnchor(w, [{ from: 100 * DAY, to: 100 * DAY }], { from: 5000 * DAY, to: 5000 * DAY })).toBeCloseTo(0.1);
  });

  it('otherwise holds the middle of the items in view still, not the middle of the view', () => {
    const w = { start: 0, end: 1000 * DAY };
    const items = [10, 700, 720, 740, 760].map((d) => ({ from: d * DAY, to: d * DAY }));
    expect(zoomAnchor(w, items)).toBeCloseTo(0.72);
    expect(zoomAnchor(w, [])).toBe(0.5);
    expect(zoomAnchor(w, [{ from: 2000 * DAY, to: 2000 * DAY }])).toBe(0.5);
  });

  it('keeps the seeded case’s events in view zoomed in three times (the middle of the fitted view has none)', async () => {
    const db = await seededDatabase();
    const items = await loadTimeline(db, SEED_CASE);
    const events = items.filter((i) => i.category === 'Event');
    let anchored = fitWindow(items);
    let centred = fitWindow(items);
    for (let i = 0; i < 3; i++) {
      anchored = zoomWindow(anchored, 0.6, zoomAnchor(anchored, items));
      centred = zoomWindow(centred, 0.6);
    }
    // What the axis did before: zoomed on 2020–2022 and lost the events.
    expect(inView(centred, events).length).toBeLessThan(events.length / 2);
    expect(inView(anchored, events).length).toBeGreaterThanOrEqual(events.length * 0.75);
  });
});
