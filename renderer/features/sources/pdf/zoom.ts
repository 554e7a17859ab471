/**
 * Zoom in the page view, as browsers and PDF readers count it: 100% shows a
 * PDF unit (1/72 inch) as 1/72 of a CSS inch (96 CSS pixels), so an A4 page
 * at 100% is as wide on screen as a printed one would be at 96 dpi.
 */
export const CSS_PIXELS_PER_PDF_UNIT = 96 / 72;

/** The steps Ctrl+= and Ctrl+- go through, as fractions of 100%. */
export const ZOOM_STEPS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

const MIN_ZOOM = ZOOM_STEPS[0];
const MAX_ZOOM = ZOOM_STEPS[ZOOM_STEPS.length - 1] as number;

export type Zoom = { kind: 'fit-width' } | { kind: 'fixed'; zoom: number };

/** Space kept on each side of a page fitted to the width, in CSS pixels. */
export const PAGE_MARGIN = 16;

/** CSS pixels per PDF unit for a zoom, given the width the pages column has and the widest page (PDF units). */
export function scaleFor(zoom: Zoom, columnWidth: number, pageWidth: number): number {
  if (zoom.kind === 'fixed') return zoom.zoom * CSS_PIXELS_PER_PDF_UNIT;
  if (columnWidth <= 0 || pageWidth <= 0) return CSS_PIXELS_PER_PDF_UNIT;
  return Math.max(MIN_ZOOM * CSS_PIXELS_PER_PDF_UNIT, (columnWidth - 2 * PAGE_MARGIN) / pageWidth);
}

/** The next step above (or below) the zoom shown now, whatever it is (a fitted width is between steps). */
export function stepZoom(current: number, direction: 1 | -1): number {
  const epsilon = 0.001;
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + epsilon) ?? MAX_ZOOM;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - epsilon) ?? MIN_ZOOM;
}

/** "125%". */
export const zoomLabel = (zoom: number) => `${Math.round(zoom * 100)}%`;
