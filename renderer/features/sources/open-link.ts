import { useSyncExternalStore } from 'react';

/**
 * The link waiting for the user's confirmation before it leaves the app.
 * Links in imported documents are written by whoever wrote the document:
 * opening one tells its server that this reader, at this moment, looked.
 * So a click never opens a link; Ctrl/Cmd+click or "Open link…" asks here
 * first, showing the whole address (<OpenLinkDialog>, mounted once in the app).
 */
let pending: string | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const linkRequests = {
  get: () => pending,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  clear() {
    pending = null;
    emit();
  },
};

/** Asks the user whether to open `url` outside Casebook; main checks it again before opening. */
export function confirmOpenLink(url: string): void {
  pending = url;
  emit();
}

export function usePendingLink(): string | null {
  return useSyncExternalStore(linkRequests.subscribe, linkRequests.get);
}

/** "Ctrl+click" or "⌘+click", as this keyboard says it. */
export const OPEN_GESTURE = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+click' : 'Ctrl+click';
