import { useSyncExternalStore } from 'react';
import { useApp } from '../../app/context';

/** Which modal is over the app (export dialog, search palette, command palette), if any. */
export function useOverlay() {
  const { nav } = useApp();
  return useSyncExternalStore(nav.subscribe, () => nav.get().overlay);
}
