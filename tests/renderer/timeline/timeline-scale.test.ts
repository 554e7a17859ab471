import { describe, expect, it } from 'vitest';
import { assignLanes, axisTicks, fitWindow, panWindow, zoomWindow, MIN_SPAN } from '../../../renderer/features/timeline/timeline-scale';

const DAY = 86_400_000;

describe('the time axis', () => {
  it('fits every item with a margin', () => {
    const w = fitWindow([{ from: Date.UTC(2022, 0, 1), to: Date.UTC(2023, 0, 1) }]);
    expect(w.start).toBeLessThan(Date.UTC(2022, 0, 1));
    expect(w.end).toBeGreaterThan(Date.UTC(2023, 0, 1));
  });

  it('zooms around the anchor and pans by a share of the view', () => {
    const w = { start: 0, end: 1000 * DAY };
    const zoomed = zoomWindow(w, 0.5, 0.25);
    expect(zoomed.end - zoomed.start).toBe(500 * DAY);
    expect(zoomed.start + (zoomed.end - zoomed.start) * 0.25).toBe(250 * DAY); // the anchor stays put
    expect(zoomWindow(w, 1e-9).end - zoomWindow(w, 1e-9).start).toBe(MIN_SPAN);
    expect(panWindow(w, 0.1)).toEqual({ start: 100 * DAY, end: 1100 * DAY });
  });

  it('ticks by year, month or day as the zoom allows', () => {
    const years = axisTicks({ start: Date.UTC(2015, 0, 1), end: Date.UTC(2025, 0, 1) }, 800);
    expect(years.map((t) => t.label).slice(0, 3)).toEqual(['2015', '2016', '2017']);
    const months = axisTicks({ start: Date.UTC(2022, 10, 15), end: Date.UTC(2023, 4, 15) }, 800);
    expect(months.map((t) => t.label)).toEqual(['Dec', 'Jan 2023', 'Feb', 'Mar', 'Apr', 'May']);
    expect(months.find((t) => t.label === 'Jan 2023')!.major).toBe(true);
    const days = axisTicks({ start: Date.UTC(2023, 2, 20), end: Date.UTC(2023, 2, 30) }, 800);
    expect(days[0]!.label).toBe('20 Mar');
    expect(days).toHaveLength(11);
  });

  it('stacks marks so none covers another, cutting labels short before dropping them', () => {
    const lanes = assignLanes(
      [
        { key: 'a', x0: 0, x1: 10, labelWidth: 100 },
        { key: 'b', x0: 50, x1: 60, labelWidth: 100 },
        { key: 'c', x0: 200, x1: 210, labelWidth: 100 },
        { key: 'd', x0: 70, x1: 80, labelWidth: 100 },
        { key: 'e', x0: 72, x1: 82, labelWidth: 100 },
      ],
      2,
    );
    expect(lanes.get('a')).toEqual({ lane: 0, labelWidth: 54 }); // cut short by d
    expect(lanes.get('b')).toEqual({ lane: 1, labelWidth: 0 }); // no room left before e
    expect(lanes.get('d')).toEqual({ lane: 0, labelWidth: 100 });
    expect(lanes.get('e')).toEqual({ lane: 1, labelWidth: 100 });
    expect(lanes.get('c')).toEqual({ lane: 0, labelWidth: 100 });
  });
});
