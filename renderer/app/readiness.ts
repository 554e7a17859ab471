/**
 * The app is "ready" when the sidebar shows the case and the editor (or the
 * empty state that stands in for it) is up. The moment is recorded as a
 * performance mark and on <html data-ready>, which tests and `npm run bench`
 * wait for.
 */
type Part = 'sidebar' | 'main';
const reported = new Set<Part>();

export const READY_MARK = 'casebook:ready';

export function reportReady(part: Part): void {
  if (reported.has(part)) return;
  reported.add(part);
  if (reported.size === 2) {
    performance.mark(READY_MARK);
    document.documentElement.dataset.ready = 'true';
  }
}
