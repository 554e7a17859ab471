import { useEffect, useRef, type MutableRefObject } from 'react';
import cytoscape from 'cytoscape';
import type { GraphData } from './graph-data';
import { graphStylesheet, readGraphColours } from './graph-style';

export interface GraphCanvasEvents {
  onNodeTap: (id: string) => void;
  onNodeDoubleTap: (id: string) => void;
  onEdgeTap: (id: string) => void;
  onBackgroundTap: () => void;
}

const MAX_FIT_ZOOM = 1.3;
/** How many of the most connected nodes of a whole-case graph may keep their names at any zoom. */
const HUB_LABELS = 24;
/** The size hub names are drawn at on screen, whatever the zoom, and how wide before they wrap. */
const HUB_FONT_PX = 11;
const HUB_WRAP_PX = 150;

let measurer: CanvasRenderingContext2D | null | undefined;
function labelWidth(text: string): number {
  if (measurer === undefined) measurer = document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 6.5;
  measurer.font = `600 ${HUB_FONT_PX}px 'Inter Variable', system-ui, sans-serif`;
  return measurer.measureText(text).width;
}

/**
 * Hub names at a constant size on screen (the font grows as the graph is
 * zoomed out), most connected first, each only where it collides with no
 * name already placed: a crowd of overlapping names says nothing. Zooming
 * in makes room, and more names appear.
 */
function placeHubLabels(cy: cytoscape.Core): void {
  const zoom = cy.zoom();
  const placed: { x1: number; x2: number; y1: number; y2: number }[] = [];
  const hubs = cy.nodes('.is-hub').sort((a, b) => Number(b.data('degree')) - Number(a.data('degree')));
  cy.batch(() => {
    hubs.forEach((node) => {
      const p = node.renderedPosition();
      const width = labelWidth(String(node.data('name') ?? ''));
      const lines = Math.ceil(width / HUB_WRAP_PX);
      const w = Math.min(width, HUB_WRAP_PX);
      const top = p.y + (node.renderedHeight() / 2) + 3;
      const box = { x1: p.x - w / 2 - 3, x2: p.x + w / 2 + 3, y1: top, y2: top + lines * 14 + 2 };
      const free = !placed.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2);
      if (free) placed.push(box);
      node.toggleClass('is-named', free);
      node.style({ 'font-size': HUB_FONT_PX / zoom, 'text-max-width': `${Math.round(HUB_WRAP_PX / zoom)}px`, 'text-margin-y': 4 / zoom });
    });
  });
}

/**
 * Concentric rings, laid out without animation or randomness, so the same
 * graph always lands in the same place (tests click by position, and a
 * user's mental map survives a reload). Around a focus: one ring per step
 * out. A whole case: the most connected in the middle.
 */
function layoutFor(data: GraphData, focused: boolean): cytoscape.LayoutOptions {
  const maxHop = Math.max(0, ...data.nodes.map((n) => n.hop));
  return {
    name: 'concentric',
    animate: false,
    fit: true,
    padding: 36,
    avoidOverlap: true,
    minNodeSpacing: 56,
    startAngle: (3 / 2) * Math.PI,
    concentric: focused ? (node: cytoscape.NodeSingular) => maxHop - Number(node.data('hop')) : (node: cytoscape.NodeSingular) => Number(node.data('degree')),
    levelWidth: focused ? () => 1 : (nodes: cytoscape.NodeCollection) => Math.max(1, nodes.maxDegree(false) / 5),
  } as cytoscape.LayoutOptions;
}

/** The Cytoscape canvas. Elements are replaced and laid out again whenever the graph changes. */
export function GraphCanvas({
  data,
  focusId,
  expanded,
  selectedId,
  events,
  coreRef,
}: {
  data: GraphData;
  focusId: string | null;
  expanded: ReadonlySet<string>;
  selectedId: string | null;
  events: GraphCanvasEvents;
  coreRef: MutableRefObject<cytoscape.Core | null>;
}) {
  const container = useRef<HTMLDivElement>(null);
  // The latest handlers, so the listeners bound once at creation never call stale ones.
  const handlers = useRef(events);
  handlers.current = events;

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: graphStylesheet(readGraphColours()),
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', 'node', (e) => handlers.current.onNodeTap(e.target.id()));
    cy.on('dbltap', 'node', (e) => handlers.current.onNodeDoubleTap(e.target.id()));
    cy.on('tap', 'edge', (e) => handlers.current.onEdgeTap(e.target.id()));
    cy.on('tap', (e) => {
      if (e.target === cy) handlers.current.onBackgroundTap();
    });
    cy.on('zoom', () => placeHubLabels(cy));
    coreRef.current = cy;
    // The theme changed (View → Theme, or the system's): the canvas takes the new colours.
    const themeWatch = new MutationObserver(() => cy.style(graphStylesheet(readGraphColours())));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatch.disconnect();
      coreRef.current = null;
      cy.destroy();
    };
  }, [coreRef]);

  useEffect(() => {
    const cy = coreRef.current;
    if (!cy) return;
    // A whole case is drawn small: its most connected nodes keep their names (ties broken by name, so it is stable).
    const hubs = new Set(
      focusId === null
        ? [...data.nodes]
            .sort((a, b) => b.degree - a.degree || a.name.localeCompare(b.name))
            .slice(0, HUB_LABELS)
            .map((n) => n.id)
        : [],
    );
    cy.batch(() => {
      cy.elements().remove();
      cy.add([
        ...data.nodes.map((n) => ({
          group: 'nodes' as const,
          data: { id: n.id, name: n.name, type: n.type, hop: n.hop, degree: n.degree },
          classes: [n.id === focusId ? 'is-focus' : '', expanded.has(n.id) ? 'is-expanded' : '', hubs.has(n.id) ? 'is-hub' : ''].filter(Boolean).join(' '),
        })),
        ...data.edges.map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, label: e.label } })),
      ]);
    });
    cy.layout(layoutFor(data, focusId !== null)).run();
    // A small graph fitted to the pane would be drawn huge: keep text near its set size.
    if (cy.zoom() > MAX_FIT_ZOOM) {
      cy.zoom(MAX_FIT_ZOOM);
      cy.center();
    }
    placeHubLabels(cy);
  }, [data, focusId, expanded, coreRef]);

  useEffect(() => {
    const cy = coreRef.current;
    if (!cy) return;
    cy.elements(':selected').unselect();
    if (selectedId) cy.getElementById(selectedId).select();
  }, [selectedId, data, coreRef]);

  return <div ref={container} className="graph-canvas" data-node-count={data.nodes.length} data-edge-count={data.edges.length} aria-hidden="true" />;
}
