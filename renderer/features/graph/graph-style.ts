import type cytoscape from 'cytoscape';
import { ENTITY_TYPES, type EntityType } from '../../../shared/model';

/** The canvas cannot read CSS variables, so the type colours are read once from the stylesheet (app.css :root). */
export function readTypeColours(root: Element = document.documentElement): Record<EntityType, string> {
  const style = getComputedStyle(root);
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, style.getPropertyValue(`--${t.toLowerCase()}`).trim() || '#7b818a'])) as Record<EntityType, string>;
}

const INK = '#1d1f23';
const INK_3 = '#7b818a';
const LINE = '#cfcac2';
const ACCENT = '#2f5bd3';
const FONT = "'Inter Variable', system-ui, sans-serif";

/** Nodes in their type's colour with the name below; edges as arrows labelled with the relation when zoomed in enough to read. */
export function graphStylesheet(colours: Record<EntityType, string>): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 18,
        height: 18,
        'background-color': INK_3,
        'border-width': 2,
        'border-color': '#ffffff',
        label: 'data(name)',
        'font-family': FONT,
        'font-size': 10,
        color: INK,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    ...ENTITY_TYPES.map((type) => ({ selector: `node[type = "${type}"]`, style: { 'background-color': colours[type] } })),
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
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
      },
    },
    { selector: 'edge:selected', style: { width: 3, 'line-color': ACCENT, 'target-arrow-color': ACCENT, color: ACCENT, 'z-index': 10 } },
  ];
}
