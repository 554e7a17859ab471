import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { assignLanes, axisTicks, centreWindowOn, fitWindow, monthLabel, panWindow, zoomAnchor, zoomWindow, type TimeWindow } from './timeline-scale';
import type { TimelineItem } from './timeline-items';

const LANE_HEIGHT = 22;
const MAX_LANES = 12;
const TOP = 10;
const TICK_AREA = 26;
const LABEL_CHARS = 34;
/** Inter at 11px averages about 6 px a character: the estimate lanes are planned with. */
const CHAR_WIDTH = 6;
const ZOOM_STEP = 0.6;
/** A label with less room than this is left out (the mark's tooltip and the list below still say it). */
const MIN_LABEL = 36;

let measurer: CanvasRenderingContext2D | null | undefined;
/** A label's drawn width in the axis's font, measured (falling back to the estimate where a canvas cannot be had). */
function textWidth(text: string, size: number): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * CHAR_WIDTH * (size / 11);
  measurer.font = `${size}px 'Inter Variable', system-ui, sans-serif`;
  return measurer.measureText(text).width;
}

/** The title cut to what fits in `width` pixels (and LABEL_CHARS), with an ellipsis when cut. */
const fitTitle = (title: string, width: number) => {
  if (title.length <= LABEL_CHARS && textWidth(title, 11) <= width) return title;
  let chars = Math.min(LABEL_CHARS, title.length);
  while (chars > 1 && textWidth(`${title.slice(0, chars - 1)}…`, 11) > width) chars--;
  return `${title.slice(0, Math.max(chars - 1, 1)).trimEnd()}…`;
};
/** A day-precise date without an end is a moment (a dot); anything longer is a span (a bar). */
const isMoment = (item: TimelineItem) => item.date.precision === 'day' && !item.endDate;

/**
 * The items on a zoomable time axis (SVG). Wheel or +/− zooms, dragging or
 * the arrow keys pan, Fit shows everything again; ticks go from years to
 * months to days as room allows. Marks stack into lanes so none hides another.
 */
export function TimelineAxis({ items, selectedKey, onSelect }: { items: TimelineItem[]; selectedKey: string | null; onSelect: (item: TimelineItem) => void }) {
  const wrapper = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(800);
  const [view, setView] = useState<TimeWindow>(() => fitWindow(items));
  const drag = useRef<{ x: number; view: TimeWindow } | null>(null);

  // Refit when the set of items changes (a filter), not when one of them moves (an edit).
  const itemKeys = items.map((i) => i.key).join('|');
  useEffect(() => setView(fitWindow(items)), [itemKeys]);

  // Keep the selected item in view, e.g. after its date was edited.
  const selected = items.find((i) => i.key === selectedKey);
  useEffect(() => {
    if (!selected) return;
    setView((v) => (selected.to < v.start || selected.from > v.end ? centreWindowOn(v, (selected.from + selected.to) / 2) : v));
  }, [selected?.key, selected?.from, selected?.to]);

  // Measured before the first paint, so the axis is never drawn wider than its pane, even for a moment.
  useLayoutEffect(() => {
    if (wrapper.current) setWidth(Math.max(200, Math.floor(wrapper.current.clientWidth)));
  }, []);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, Math.floor(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // React's onWheel is passive, and a wheel that zooms must not also scroll the page.
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const anchor = e.offsetX / el.clientWidth;
      if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) setView((v) => panWindow(v, e.deltaX / el.clientWidth));
      else setView((v) => zoomWindow(v, Math.exp(e.deltaY * 0.0015), anchor));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, []);

  const x = (t: number) => ((t - view.start) / (view.end - view.start)) * width;
  const ticks = useMemo(() => axisTicks(view, width), [view, width]);
  const marks = items.map((item) => {
    const x0 = isMoment(item) ? x((item.from + item.to) / 2) - 5 : x(item.from);
    const x1 = isMoment(item) ? x0 + 10 : Math.max(x(item.to), x0 + 8);
    return { item, x0, x1 };
  });
  // Only marks near the view take a lane: far-off ones would crowd the rows for nothing.
  const lanes = assignLanes(
    marks.filter((m) => m.x1 > -200 && m.x0 < width + 200).map((m) => ({ key: m.item.key, x0: m.x0, x1: m.x1, labelWidth: Math.min(m.item.title.length, LABEL_CHARS) * CHAR_WIDTH + 10 })),
    MAX_LANES,
  );
  const laneCount = Math.max(1, ...[...lanes.values()].map((p) => p.lane + 1));
  const height = TOP + laneCount * LANE_HEIGHT + TICK_AREA;
  const baseline = height - TICK_AREA + 4;

  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest('.tl-mark')) return;
    drag.current = { x: e.clientX, view };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (!d) return;
    setView(panWindow(d.view, -(e.clientX - d.x) / width));
  };
  const onPointerUp = () => {
    drag.current = null;
  };
  // Zooming by button or key holds the selected item, or the middle of the items in view, still.
  const zoomBy = (v: TimeWindow, factor: number) => zoomWindow(v, factor, zoomAnchor(v, items, selected));
  const onKeyDown = (e: KeyboardEvent<SVGSVGElement>) => {
    const actions: Record<string, () => TimeWindow> = {
      ArrowLeft: () => panWindow(view, -0.15),
      ArrowRight: () => panWindow(view, 0.15),
      '+': () => zoomBy(view, ZOOM_STEP),
      '=': () => zoomBy(view, ZOOM_STEP),
      '-': () => zoomBy(view, 1 / ZOOM_STEP),
      '0': () => fitWindow(items),
    };
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    setView(action());
  };

  return (
    <div className="tl-axis" ref={wrapper}>
      <div className="tl-axis-bar">
        <span className="tl-range" aria-live="polite">
          {monthLabel(view.start)} – {monthLabel(view.end)}
        </span>
        <div className="tl-zoom" role="group" aria-label="Zoom">
          <button type="button" className="subtle" aria-label="Zoom out" title="Zoom out (−)" onClick={() => setView((v) => zoomBy(v, 1 / ZOOM_STEP))}>−</button>
          <button type="button" className="subtle" aria-label="Zoom in" title="Zoom in (+)" onClick={() => setView((v) => zoomBy(v, ZOOM_STEP))}>+</button>
          <button type="button" className="subtle" title="Show every item (0)" onClick={() => setView(fitWindow(items))}>Fit</button>
        </div>
      </div>
      <svg
        ref={svg}
        className="tl-svg"
        width={width}
        height={height}
        role="group"
        aria-label="Time axis: drag or use the arrow keys to move, the wheel or + and − to zoom"
        tabIndex={0}
        data-view-start={new Date(view.start).toISOString()}
        data-view-end={new Date(view.end).toISOString()}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
      >
        <g className="tl-ticks" aria-hidden="true">
          {ticks.map((tick) => (
            <g key={tick.at} className={tick.major ? 'tl-tick is-major' : 'tl-tick'}>
              <line x1={x(tick.at)} x2={x(tick.at)} y1={TOP - 6} y2={baseline} />
              {/* A label the right edge would cut is left to the next view. */}
              {x(tick.at) + 4 + textWidth(tick.label, 10.5) * (tick.major ? 1.08 : 1) <= width - 2 && (
                <text x={x(tick.at) + 4} y={baseline + 15}>{tick.label}</text>
              )}
            </g>
          ))}
          <line className="tl-baseline" x1={0} x2={width} y1={baseline} y2={baseline} />
        </g>
        {marks.map(({ item, x0, x1 }) => {
          const placement = lanes.get(item.key);
          if (!placement) return null;
          const y = TOP + placement.lane * LANE_HEIGHT + LANE_HEIGHT / 2;
          // The lane's room for the label, and no further than the axis's right edge.
          const labelRoom = Math.min(placement.labelWidth, width - x1 - 9);
          return (
            <g
              key={item.key}
              className={`tl-mark entity-${item.colourType.toLowerCase()}${item.key === selectedKey ? ' is-selected' : ''}${item.kind === 'relation' ? ' is-relation' : ''}`}
              data-item-key={item.key}
              role="button"
              onClick={() => onSelect(item)}
            >
              {/* The mark's name (and tooltip): the whole title, where the drawn label may be cut. */}
              <title>{`${item.dateLabel} — ${item.title}`}</title>
              {isMoment(item) ? <circle cx={x0 + 5} cy={y} r={5} /> : <rect x={x0} y={y - 5} width={x1 - x0} height={10} rx={3} />}
              {/* A title cut to fit: the mark's name says it whole. */}
              {labelRoom >= MIN_LABEL && (
                <text x={x1 + 5} y={y + 4} aria-hidden="true">
                  {fitTitle(item.title, labelRoom)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </div>
  );
}
