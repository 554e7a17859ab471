import { useSyncExternalStore } from 'react';

/** Where a preference lives: `localStorage` in the app, a Map in Node tests. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface Preference<T> {
  get(): T;
  set(value: T): void;
  subscribe(listener: () => void): () => void;
}

/**
 * One remembered setting of this window (theme, pane widths, caret
 * browsing), kept as JSON in `storage`. What is read back is untrusted (an
 * older version, a hand edit): `parse` turns anything into a valid value.
 * A storage that throws (full, disabled) only loses the memory, never the
 * setting for this session.
 */
export function createPreference<T>(storage: KeyValueStorage | null, key: string, parse: (raw: unknown) => T): Preference<T> {
  const read = (): unknown => {
    try {
      const raw = storage?.getItem(key);
      return raw == null ? undefined : JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  let value = parse(read());
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = parse(next);
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch {
        // Remembering failed; the setting still holds until the window closes.
      }
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function usePreference<T>(preference: Preference<T>): T {
  return useSyncExternalStore(preference.subscribe, preference.get);
}

/** The page's localStorage, or none where it cannot be reached (a sandboxed frame, Node). */
export function pageStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
