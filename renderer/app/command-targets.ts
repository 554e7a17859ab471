/**
 * What a command acts on that only a mounted component knows: the passage
 * selected in the reader, which its selection menu offers while it is up;
 * the reader itself (find, a PDF's two views); a PDF's pages (zoom, go to
 * page). The command's one action (commands.ts) calls whatever is offered now.
 */
export interface PassageTarget {
  quote(): void;
}

/** The source reader while it is mounted. */
export interface ReaderTarget {
  /** The reader's element: the page keys act only while focus is in it (or nowhere). */
  element: HTMLElement;
  find(): void;
  /** A PDF's switch between its page view and its reflowed text; absent for other formats. */
  togglePdfView?: () => void;
  /** A PDF's go-to-page: shows the pages if needed and puts the caret in the page field. */
  goToPage?: () => void;
}

/** A PDF's page view while it is shown. */
export interface PagesTarget {
  zoomIn(): void;
  zoomOut(): void;
  fitWidth(): void;
}

let passage: PassageTarget | null = null;
let reader: ReaderTarget | null = null;
let pages: PagesTarget | null = null;
const listeners = new Set<() => void>();

export const commandTargets = {
  passage: (): PassageTarget | null => passage,
  reader: (): ReaderTarget | null => reader,
  pages: (): PagesTarget | null => pages,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Offers the selected passage until the returned function is called (on unmount). */
export function providePassage(target: PassageTarget): () => void {
  passage = target;
  listeners.forEach((l) => l());
  return () => {
    if (passage !== target) return;
    passage = null;
    listeners.forEach((l) => l());
  };
}

/** Offers one target until the returned function is called; the one offered last wins. */
function offer<T>(set: (t: T | null) => void, get: () => T | null, target: T): () => void {
  set(target);
  listeners.forEach((l) => l());
  return () => {
    if (get() !== target) return;
    set(null);
    listeners.forEach((l) => l());
  };
}

/** Offers the reader while it is mounted. */
export function provideReader(target: ReaderTarget): () => void {
  return offer((t) => (reader = t), () => reader, target);
}

/** Offers a PDF's pages while its page view is shown. */
export function providePages(target: PagesTarget): () => void {
  return offer((t) => (pages = t), () => pages, target);
}

/** What the reader conditions of the command table are decided on; `focus` is where focus is (or was, for the palette). */
export function readerState(focus: Element | null): { pdf: boolean; pages: boolean; focused: boolean } | null {
  if (!reader) return null;
  const focused = !focus || focus === document.body || reader.element.contains(focus);
  return { pdf: !!reader.togglePdfView, pages: pages !== null, focused };
}
