import type cytoscape from 'cytoscape';
import { ENTITY_TYPES, type EntityType } from '../../../shared/model';

/** The canvas cannot read CSS variables, so the theme's colours are read from the stylesheet (app.css :root) when the graph is drawn. */
export interface GraphColours {
  types: Record<EntityType, string>;
  ink: string;
  muted: string;
  line: string;
  accent: string;
  /** What labels are outlined and backed with: the graph's own background. */
  background: string;
}

export function readGraphColours(root: Element = document.documentElement): GraphColours {
  const style = getComputedStyle(root);
  const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    types: Object.fromEntries(ENTITY_TYPES.map((t) => [t, token(`--${t.toLowerCase()}`, '#7b818a')])) as Record<EntityType, string>,
    ink: token('--ink', '#1d1f23'),
    muted: token('--ink-3', '#646a73'),
    line: token('--line-strong', '#cfcac2'),
    accent: token('--accent', '#2f5bd3'),
    background: token('--surface', '#ffffff'),
  };
}

/**
 * The light theme's colours (app.css :root), which exports are drawn in
 * whatever the theme: a PNG or SVG is printed and pasted into documents,
 * like the briefing, which is always light.
 */
export const PRINT_COLOURS: GraphColours = {
  types: { Person: '#245ec0', Organization: '#7046c8', Company: '#b13a0b', PublicBody: '#0b6f62', Place: '#276f2b', Event: '#9c4807', Substance: '#b8165a', Figure: '#475569' },
  ink: '#1d1f23',
  muted: '#646a73',
  line: '#cfcac2',
  accent: '#2f5bd3',
  background: '#ffffff',
};

const FONT = "'Inter Variable', system-ui, sans-serif";

/** Nodes in their type's colour with the name below; edges as arrows labelled with the relation when zoomed in enough to read. */
export function graphStylesheet({ types: colours, ink: INK, muted: INK_3, line: LINE, accent: ACCENT, background: BG }: GraphColours): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 18,
        height: 18,
        'background-color': INK_3,
        'border-width': 2,
        'border-color': BG,
        label: 'data(name)',
        'font-family': FONT,
        'font-size': 10,
        color: INK,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': BG,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    ...ENTITY_TYPES.map((type) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': colours[type] } })),
    // The most connected nodes of a whole-case graph keep their names at any zoom (GraphCanvas sizes them).
    { selector: 'node.is-hub', style: { 'font-weight': 600, label: '' } },
    { selector: 'node.is-hub.is-named', style: { label: 'data(name)', 'min-zoomed-font-size': 0, 'z-index': 5, 'text-background-opacity': 0.9 } },
    { selector: 'node.is-focus', style: { width: 30, height: 30, 'border-color': INK, 'border-width': 3, 'font-size': 12, 'font-weight': 650 } },
    { selector: 'node.is-expanded', style: { 'border-style': 'double', 'border-width': 4, 'border-color': INK_3 } },
    { selector: 'node:selected', style: { 'border-color': ACCENT, 'border-width': 4 } },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': LINE,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': LINE,
        'arrow-scale': 0.8,
        label: 'data(label)',
        'font-family': FONT,
        'font-size': 8,
        color: INK_3,
        'text-rotation': 'autorotate',
        // An outline, not a background box: a box would cover the nodes at either end.
        'text-outline-color': BG,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge:selected', style: { width: 3, 'line-color': ACCENT, 'target-arrow-color': ACCENT, color: ACCENT, 'z-index': 10 } },
  ];
}
