import { CHANNELS, EVENT_CHANNELS, apiName } from './channel-names';
import type { CasebookApi } from './contract';

export type Invoke = (channel: string, payload: unknown) => Promise<unknown>;
export type Subscribe = (channel: string, listener: (payload: unknown) => void) => () => void;

/**
 * Builds `window.casebook` from the contract. The preload calls it with
 * ipcRenderer; the test harness with a binding to the same main handlers.
 * It adds nothing: every function forwards exactly one channel.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): CasebookApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) {
    api[apiName(channel)] = (payload?: unknown) => invoke(channel, payload);
  }
  for (const channel of EVENT_CHANNELS) {
    const name = apiName(channel);
    api[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (listener: (p: unknown) => void) =>
      subscribe(channel, listener);
  }
  return api as CasebookApi;
}
