/**
 * The arithmetic behind the zoomable axis, kept apart from React so it can be
 * tested: which stretch of time is in view, how zooming and panning move it,
 * which ticks fit, and how marks stack into lanes so none hides another.
 * Times are UTC milliseconds.
 */

export interface TimeWindow {
  start: number;
  end: number;
}

const DAY = 86_400_000;
export const MIN_SPAN = 3 * DAY;
export const MAX_SPAN = 200 * 365 * DAY;

/** Everything in view with a margin either side; a lone day still gets a month around it. */
export function fitWindow(extents: readonly { from: number; to: number }[]): TimeWindow {
  if (extents.length === 0) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    return { start: now, end: now + 365 * DAY };
  }
  const start = Math.min(...extents.map((e) => e.from));
  const end = Math.max(...extents.map((e) => e.to));
  const span = Math.max(end - start, 30 * DAY);
  const middle = (start + end) / 2;
  return { start: middle - span * 0.54, end: middle + span * 0.54 };
}

/** Zooms by `factor` (< 1 zooms in) keeping the time under `anchor` (0 = left edge, 1 = right) in place. */
export function zoomWindow(w: TimeWindow, factor: number, anchor = 0.5): TimeWindow {
  const span = w.end - w.start;
  const next = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span * factor));
  const pivot = w.start + span * anchor;
  return { start: pivot - next * anchor, end: pivot + next * (1 - anchor) };
}

/** Moves the window by a fraction of its width (positive = later). */
export function panWindow(w: TimeWindow, fraction: number): TimeWindow {
  const shift = (w.end - w.start) * fraction;
  return { start: w.start + shift, end: w.end + shift };
}

/** The same window, moved so `at` is in its middle (zoom unchanged). */
export function centreWindowOn(w: TimeWindow, at: number): TimeWindow {
  const half = (w.end - w.start) / 2;
  return { start: at - half, end: at + half };
}

export interface Tick {
  at: number;
  label: string;
  /** Year starts (or month starts when ticks are days): drawn stronger. */
  major: boolean;
}

type Step = { unit: 'year' | 'month' | 'day'; every: number; approx: number };
const STEPS: Step[] = [
  ...[1, 2, 7, 14].map((every) => ({ unit: 'day' as const, every, approx: every * DAY })),
  ...[1, 2, 3, 6].map((every) => ({ unit: 'month' as const, every, approx: every * 30.44 * DAY })),
  ...[1, 2, 5, 10, 20, 50, 100].map((every) => ({ unit: 'year' as const, every, approx: every * 365.25 * DAY })),
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The finest ticks (days, then months, then years) that leave at least `minGap` pixels between labels. */
export function axisTicks(w: TimeWindow, widthPx: number, minGap = 72): Tick[] {
  const msPerPx = (w.end - w.start) / Math.max(widthPx, 1);
  const step = STEPS.find((s) => s.approx / msPerPx >= minGap) ?? STEPS[STEPS.length - 1]!;
  const first = new Date(w.start);
  const ticks: Tick[] = [];
  const push = (at: number, label: string, major: boolean) => {
    if (at >= w.start && at <= w.end) ticks.push({ at, label, major });
  };
  if (step.unit === 'year') {
    for (let y = Math.floor(first.getUTCFullYear() / step.every) * step.every; Date.UTC(y, 0, 1) <= w.end; y += step.every) {
      push(Date.UTC(y, 0, 1), String(y), y % (step.every * 5) === 0);
    }
  } else if (step.unit === 'month') {
    let y = first.getUTCFullYear();
    let m = Math.floor(first.getUTCMonth() / step.every) * step.every;
    for (; Date.UTC(y, m, 1) <= w.end; m += step.every) {
      if (m > 11) {
        y += Math.floor(m / 12);
        m %= 12;
      }
      push(Date.UTC(y, m, 1), m === 0 ? `${MONTHS[m]} ${y}` : MONTHS[m]!, m === 0);
    }
  } else {
    const firstDay = Math.floor(w.start / DAY);
    for (let d = Math.ceil(firstDay / step.every) * step.every; d * DAY <= w.end; d += step.every) {
      const at = d * DAY;
      const date = new Date(at);
      const monthStart = date.getUTCDate() === 1;
      const label = monthStart && date.getUTCMonth() === 0 ? `1 Jan ${date.getUTCFullYear()}` : `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
      push(at, label, monthStart);
    }
  }
  return ticks;
}

export interface LaneInput {
  key: string;
  /** Pixel extent of the mark itself. */
  x0: number;
  x1: number;
  /** Pixel width the label after the mark would like. */
  labelWidth: number;
}

export interface LanePlacement {
  lane: number;
  /** Pixels left for the label after the mark: the full width, less when a later mark in the row cuts it short, 0 for none. */
  labelWidth: number;
}

/** A label cut shorter than this says nothing: drop it (the title stays on hover and in the list). */
const MIN_LABEL = 36;

/**
 * Stacks marks into at most `maxLanes` rows, left to right, so no mark
 * covers another. Each goes in the first row free where it starts, label
 * included; failing that, in the row where the mark itself fits with the
 * most room, cutting short the label of the mark before it; failing that (a
 * crowd), unlabelled over the row whose last mark ends first.
 */
export function assignLanes(marks: readonly LaneInput[], maxLanes: number, gap = 6): Map<string, LanePlacement> {
  const rows: { markEnd: number; end: number; last: LanePlacement & { x1: number } }[] = [];
  const placements = new Map<string, LanePlacement>();
  const sorted = [...marks].sort((a, b) => a.x0 - b.x0 || a.key.localeCompare(b.key));
  for (const mark of sorted) {
    const free = () => {
      for (let lane = 0; lane < maxLanes; lane++) if (!rows[lane] || rows[lane]!.end + gap <= mark.x0) return lane;
      return -1;
    };
    let lane = free();
    let labelWidth = mark.labelWidth;
    if (lane === -1) lane = roomiest(rows, mark.x0, gap, maxLanes);
    if (lane === -1) {
      lane = rows.reduce((best, row, i) => (row.markEnd < rows[best]!.markEnd ? i : best), 0);
      labelWidth = 0;
    }
    // The label of the row's last mark stops before this one, or goes.
    const before = rows[lane]?.last;
    if (before && before.x1 + before.labelWidth + gap > mark.x0) {
      const room = mark.x0 - gap - before.x1;
      before.labelWidth = room >= MIN_LABEL ? room : 0;
    }
    const placement = { lane, labelWidth, x1: mark.x1 };
    rows[lane] = { markEnd: Math.max(rows[lane]?.markEnd ?? -Infinity, mark.x1), end: mark.x1 + labelWidth, last: placement };
    placements.set(mark.key, placement);
  }
  // Hand back plain placements (the x1 was bookkeeping).
  return new Map([...placements].map(([key, { lane, labelWidth }]) => [key, { lane, labelWidth }]));
}

/** The row whose last mark leaves the most room before `x0` (so the label cut short keeps the most), or -1. */
function roomiest(rows: readonly { markEnd: number }[], x0: number, gap: number, maxLanes: number): number {
  let best = -1;
  for (let lane = 0; lane < Math.min(rows.length, maxLanes); lane++) {
    if (rows[lane]!.markEnd + gap <= x0 && (best === -1 || rows[lane]!.markEnd < rows[best]!.markEnd)) best = lane;
  }
  return best;
}

/** "Mar 2023": the axis's visible range, to the month. */
export function monthLabel(at: number): string {
  const d = new Date(at);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * Where a zoom by the buttons or keys holds still, as a share of the view
 * (0 = left edge): the selected item when it is in view, else the median of
 * the items in view, else the middle. Zooming on the middle of the fitted
 * view would land in a gap between an early outlier and the bulk of the
 * case (it did: 2020–2022, with every event in 2022–2023); the median stays
 * among the events.
 */
export function zoomAnchor(w: TimeWindow, extents: readonly { from: number; to: number }[], selected?: { from: number; to: number } | null): number {
  const span = w.end - w.start;
  const centre = (e: { from: number; to: number }) => (e.from + e.to) / 2;
  const inView = (t: number) => t >= w.start && t <= w.end;
  if (selected && inView(centre(selected))) return (centre(selected) - w.start) / span;
  const times = extents.map(centre).filter(inView).sort((a, b) => a - b);
  if (times.length === 0) return 0.5;
  const median = times.length % 2 ? times[(times.length - 1) / 2]! : (times[times.length / 2 - 1]! + times[times.length / 2]!) / 2;
  return (median - w.start) / span;
}
