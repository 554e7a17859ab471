import { buildApi } from '../../shared/ipc/bridge';
import { encodeBytes } from './bytes-transport';

/**
 * The harness's stand-in for electron/preload: the same `buildApi`, with
 * ipcRenderer replaced by a Playwright binding to main's real dispatcher and
 * an emitter main-side events are pushed through.
 */
type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const w = window as unknown as {
  __casebookInvoke: (channel: string, payload: unknown) => Promise<unknown>;
  __casebookEmit: (channel: string, payload: unknown) => void;
  casebook: unknown;
};
w.__casebookEmit = (channel, payload) => listeners.get(channel)?.forEach((l) => l(payload));
w.casebook = Object.freeze(
  buildApi(
    (channel, payload) => w.__casebookInvoke(channel, encodeBytes(payload)),
    (channel, listener) => {
      const set = listeners.get(channel) ?? new Set<Listener>();
      listeners.set(channel, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  ),
);
