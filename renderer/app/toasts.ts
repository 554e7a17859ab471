import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** Transient messages; an action (Undo) stays available for `ttl` ms. */
export function createToasts(ttl = 8000) {
  let toasts: Toast[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  const dismiss = (id: number) => {
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  };
  return {
    get: () => toasts,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    show(toast: Omit<Toast, 'id'>): number {
      const id = nextId++;
      toasts = [...toasts.slice(-2), { ...toast, id }];
      emit();
      setTimeout(() => dismiss(id), toast.tone === 'error' ? ttl * 2 : ttl);
      return id;
    },
    dismiss,
  };
}
export type Toasts = ReturnType<typeof createToasts>;

export function useToasts(toasts: Toasts): Toast[] {
  return useSyncExternalStore(toasts.subscribe, toasts.get);
}
