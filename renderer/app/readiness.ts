/**
 * The app is "ready" when the sidebar shows the case and the editor (or the
 * empty state that stands in for it) is up. The moment is recorded as a
 * performance mark and on <html data-ready>, which tests and `npm run bench`
 * wait for.
 */
type Part = 'sidebar' | 'main';
const reported = new Set<Part>();

export const READY_MARK = 'casebook:ready';

let markReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => {
  markReady = resolve;
});

export function reportReady(part: Part): void {
  if (reported.has(part)) return;
  reported.add(part);
  if (reported.size === 2) {
    performance.mark(READY_MARK);
    document.documentElement.dataset.ready = 'true';
    markReady();
  }
}

const BACKGROUND_DELAY_MS = 2000;

/**
 * Resolves once the app is ready and the browser has had a quiet moment:
 * when background work (linking, the search index) may start without
 * slowing the first screen.
 */
export function afterFirstScreen(): Promise<void> {
  return ready.then(
    () =>
      new Promise<void>((resolve) => {
        // A couple of seconds, then an idle moment: the user's first clicks
        // and a quick reopen never queue behind reading the whole case.
        setTimeout(() => {
          if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: 1500 });
          else resolve();
        }, BACKGROUND_DELAY_MS);
      }),
  );
}
