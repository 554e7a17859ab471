import type { Channel, EventChannel } from './contract';

/**
 * The contract's channel and event names as run-time lists, for the preload
 * and the test harness to build the bridge from and for main to register its
 * handlers. They sit apart from contract.ts so the preload bundle stays free
 * of zod and the schemas (contract.ts is imported here for types only); the
 * checks below keep them equal to the contract.
 */
export const CHANNELS = [
  'app:get-info',
  'shell:open-external',
  'log:write',
  'window:ready-to-close',
  'import:choose-files',
  'import:file',
  'import:cancel',
  'export:briefing-pdf',
  'export:save-file',
  'export:case-file',
  'backup:restore',
  'backup:auto',
  'backup:take-open-requests',
  'originals:release',
  'originals:read',
  'source:open-original',
  'source:show-in-folder',
] as const satisfies readonly Channel[];

export const EVENT_CHANNELS = ['app:before-close', 'import:progress', 'export:progress', 'menu:command', 'backup:open-requested'] as const satisfies readonly EventChannel[];

// Each fails to compile if its list misses a key of the contract (`satisfies` above refuses extras).
const _allChannelsListed: Exclude<Channel, (typeof CHANNELS)[number]> extends never ? true : never = true;
const _allEventsListed: Exclude<EventChannel, (typeof EVENT_CHANNELS)[number]> extends never ? true : never = true;
void _allChannelsListed;
void _allEventsListed;

/** camelCase API name for a channel: 'shell:open-external' → 'shellOpenExternal' (the type is `ApiName` in contract.ts). */
export function apiName(channel: string): string {
  return channel.replace(/[:-]([a-z])/g, (_, c: string) => c.toUpperCase());
}
