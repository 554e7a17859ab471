import type cytoscape from 'cytoscape';
import { graphStylesheet, PRINT_COLOURS, readGraphColours } from './graph-style';

/** Draws with the light colours for the time of `make`, whatever the theme on screen, then puts the screen's back. */
function inPrintColours<T>(cy: cytoscape.Core, make: () => T): T {
  cy.style(graphStylesheet(PRINT_COLOURS));
  try {
    return make();
  } finally {
    cy.style(graphStylesheet(readGraphColours()));
  }
}

/** The whole graph (not just the part in view) at twice screen resolution, on white so it prints. */
export function graphAsPng(cy: cytoscape.Core): Blob {
  return inPrintColours(cy, () => cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * The whole graph as an SVG document, written from the laid-out graph: each
 * edge a line with its label at the middle, each node a circle in its
 * style's colour with its label below. Written here rather than with
 * cytoscape-svg, which is GPL-3.0 and would bind the app to it; the graph
 * has only circles, lines and text, so a few lines do.
 */
export function graphAsSvg(cy: cytoscape.Core): Blob {
  return inPrintColours(cy, () => svgOf(cy));
}

function svgOf(cy: cytoscape.Core): Blob {
  const box = cy.elements().boundingBox({ includeLabels: true });
  const pad = 24;
  const parts: string[] = [];
  const font = `font-family="Inter, 'Helvetica Neue', Arial, sans-serif"`;
  for (const edge of cy.edges().toArray()) {
    const a = edge.source().position();
    const b = edge.target().position();
    const color = String(edge.style('line-color') || '#9aa0a6');
    parts.push(`<line x1="${num(a.x)}" y1="${num(a.y)}" x2="${num(b.x)}" y2="${num(b.y)}" stroke="${xml(color)}" stroke-width="${num(parseFloat(String(edge.style('width'))) || 1.5)}"/>`);
    const label = String(edge.data('label') ?? '');
    if (label) parts.push(`<text x="${num((a.x + b.x) / 2)}" y="${num((a.y + b.y) / 2)}" ${font} font-size="9" fill="#5f6368" text-anchor="middle">${xml(label)}</text>`);
  }
  for (const node of cy.nodes().toArray()) {
    const { x, y } = node.position();
    const r = node.width() / 2;
    const fill = String(node.style('background-color') || '#777');
    parts.push(`<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" fill="${xml(fill)}"/>`);
    const label = String(node.data('name') ?? '');
    if (label) parts.push(`<text x="${num(x)}" y="${num(y + r + 12)}" ${font} font-size="11" fill="#1d1f23" text-anchor="middle">${xml(label)}</text>`);
  }
  const width = box.w + pad * 2;
  const height = box.h + pad * 2;
  const svg =
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="${num(box.x1 - pad)} ${num(box.y1 - pad)} ${num(width)} ${num(height)}">\n` +
    `<rect x="${num(box.x1 - pad)}" y="${num(box.y1 - pad)}" width="${num(width)}" height="${num(height)}" fill="#ffffff"/>\n${parts.join('\n')}\n</svg>\n`;
  return new Blob([svg], { type: 'image/svg+xml;charset=utf-8' });
}
