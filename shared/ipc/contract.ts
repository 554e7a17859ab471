import type { RequestOf } from './schemas';
import type { Result } from './result';
import type { ImportedSource } from '../model/imported-source';
import type { CaseSnapshot } from '../export/case-snapshot';
import type { CommandId } from '../commands';

/** What `app:get-info` tells the renderer about where it runs. */
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Folder where main keeps logs and, later, source originals. */
  dataDir: string;
}

/**
 * The one map of renderer → main channels. Both sides are typed from it: the
 * preload builds one function per key, main's handler registry must have one
 * handler per key, so a missing or misspelt channel is a compile error.
 */
export interface Contract {
  'app:get-info': { request: RequestOf<'app:get-info'>; response: AppInfo };
  'shell:open-external': { request: RequestOf<'shell:open-external'>; response: null };
  'log:write': { request: RequestOf<'log:write'>; response: null };
  /** The renderer has flushed unsaved work after `app:before-close`; main may close the window. */
  'window:ready-to-close': { request: RequestOf<'window:ready-to-close'>; response: null };
  /** The native open dialog, multi-select; an empty list when the user cancels. */
  'import:choose-files': { request: RequestOf<'import:choose-files'>; response: { paths: string[] } };
  /** Parses one file (a path, or a dropped file's bytes) in an isolated process; keeps the original. */
  'import:file': { request: RequestOf<'import:file'>; response: ImportedSource };
  'import:cancel': { request: RequestOf<'import:cancel'>; response: null };
  /** Asks where to save, prints the briefing (progress as `export:progress`), writes it whole or not at all. */
  'export:briefing-pdf': { request: RequestOf<'export:briefing-pdf'>; response: SaveOutcome & { pageCount?: number } };
  /** Asks where to save an export the renderer made (Markdown, HTML, FtM, CSV, backup) and writes it whole or not at all. */
  'export:save-file': { request: RequestOf<'export:save-file'>; response: SaveOutcome };
  /** Exports the case main has to build: self-contained HTML (rendered in Node), or a backup with the originals main keeps. */
  'export:case-file': { request: RequestOf<'export:case-file'>; response: SaveOutcome };
  /** The open dialog for a .casebook backup, checked whole; its originals are stored, its case handed back to be written. */
  'backup:restore': { request: RequestOf<'backup:restore'>; response: { restored: false } | { restored: true; snapshot: CaseSnapshot; fileName: string } };
  /** An automatic backup into `<userData>/backups/<caseId>/`: daily (skipped when today's exists) or before a schema upgrade. */
  'backup:auto': { request: RequestOf<'backup:auto'>; response: { written: true; fileName: string } | { written: false; reason: 'exists-today' } };
}

/** A save the user may cancel in the dialog: that is an outcome, not an error. */
export type SaveOutcome = { saved: true; path: string } | { saved: false };
export type Channel = keyof Contract;

/** Main → renderer notifications. */
export interface EventContract {
  /** The window is about to close: flush pending saves, then call `window:ready-to-close`. */
  'app:before-close': null;
  /** How far one `import:file` request has got, 0..1. */
  'import:progress': { requestId: string; fraction: number };
  /** How far the briefing export has got. */
  'export:progress': { stage: 'composing' | 'printing' | 'numbering' | 'saving'; printing?: number };
  /** A native menu item that acts in the renderer was chosen (the same actions as the keyboard shortcuts). */
  'menu:command': { command: MenuCommand };
}
/** A command of the table (shared/commands.ts), which the renderer carries out. */
export type MenuCommand = CommandId;
export type EventChannel = keyof EventContract;

/** Runtime lists, for the preload and the test harness to build the bridge from. */
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
] as const satisfies readonly Channel[];
export const EVENT_CHANNELS = ['app:before-close', 'import:progress', 'export:progress', 'menu:command'] as const satisfies readonly EventChannel[];

// Fails to compile if CHANNELS misses a key of Contract.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>;
const _allChannelsListed: Missing extends never ? true : never = true;
void _allChannelsListed;

/** camelCase API name for a channel: 'shell:open-external' → 'shellOpenExternal'. */
export type ApiName<C extends string> = C extends `${infer Area}:${infer Rest}` ? `${Area}${Capitalize<CamelCase<Rest>>}` : never;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

export function apiName(channel: string): string {
  return channel.replace(/[:-]([a-z])/g, (_, c: string) => c.toUpperCase());
}

type Invoker<C extends Channel> = Contract[C]['request'] extends void
  ? () => Promise<Result<Contract[C]['response']>>
  : (payload: Contract[C]['request']) => Promise<Result<Contract[C]['response']>>;

type Subscriber<E extends EventChannel> = (
  listener: (payload: EventContract[E]) => void,
) => () => void;

/** `window.casebook`: one function per channel, one `on…` per event. */
export type CasebookApi = { [C in Channel as ApiName<C>]: Invoker<C> } & {
  [E in EventChannel as `on${Capitalize<ApiName<E>>}`]: Subscriber<E>;
};
