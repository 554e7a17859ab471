import { z } from 'zod';
import { briefingModelSchema } from './briefing-schema';
import { caseSnapshotSchema, type CaseSnapshot } from '../export/case-snapshot';
import type { Result } from './result';
import type { ImportedSource } from '../model/imported-source';
import type { CommandId } from '../commands';

/**
 * The one table of renderer → main channels: for each, the zod schema main
 * checks the request with before any handler sees it, what it answers (a type
 * only), and what it does. Both sides are typed from it: the preload builds
 * one function per channel, main's handler registry must have one handler per
 * channel, so a missing or misspelt channel is a compile error.
 *
 * Main → renderer events are `EventContract` below; the runtime name lists the
 * preload is built from are in channel-names.ts (no zod there: the preload
 * bundles only what it needs to forward calls).
 */

/** What `app:get-info` tells the renderer about where it runs. */
export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Folder where main keeps logs and, later, source originals. */
  dataDir: string;
}

/** A save the user may cancel in the dialog: that is an outcome, not an error. */
export type SaveOutcome = { saved: true; path: string } | { saved: false };

/** Chosen by the renderer to follow and cancel one import. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A text encoding label as the import service names them ("windows-1251", "shift_jis"); main checks it is one it knows. */
const encodingLabel = z.string().regex(/^[A-Za-z0-9][\w.:+-]{0,39}$/);

/** A kept original, by its fingerprint, and the name the user knows it by. */
const originalRequest = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), fileName: z.string().min(1).max(255) }).strict();

// A channel's answer is a type only: it has no value at run time, so it rides
// on a property that is never set.
declare const responseType: unique symbol;
interface ChannelSpec<Request extends z.ZodType, Response> {
  readonly request: Request;
  readonly [responseType]?: Response;
}
/** `request(schema).answers<Response>()`: one table entry. */
function request<Request extends z.ZodType>(schema: Request) {
  return { answers: <Response>(): ChannelSpec<Request, Response> => ({ request: schema }) };
}

export const CONTRACT = {
  /** Name, version, platform and data folder, for the About line and the log. */
  'app:get-info': request(z.void()).answers<AppInfo>(),
  /** Opens a link in the system browser, after main's own check (electron/services/external-url.ts). */
  'shell:open-external': request(z.object({ url: z.string().min(1).max(2048) }).strict()).answers<null>(),
  /** One line in `<userData>/logs/casebook.log`. */
  'log:write': request(
    z
      .object({
        level: z.enum(['info', 'warn', 'error']),
        message: z.string().max(4000),
        detail: z.string().max(20000).optional(),
      })
      .strict(),
  ).answers<null>(),
  /** The renderer has flushed unsaved work after `app:before-close`; main may close the window. */
  'window:ready-to-close': request(z.void()).answers<null>(),
  /** The native open dialog, multi-select; an empty list when the user cancels. */
  'import:choose-files': request(z.void()).answers<{ paths: string[] }>(),
  /** Parses one file (a path, or a dropped file's bytes) in an isolated process; keeps the original. Progress as `import:progress`. */
  // `encoding`: read the file's text with this encoding instead of the detected one (the user re-decoding a source).
  'import:file': request(
    z.union([
      z.object({ requestId: requestId, path: z.string().min(1).max(4096), encoding: encodingLabel.optional() }).strict(),
      z.object({ requestId: requestId, fileName: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array), encoding: encodingLabel.optional() }).strict(),
    ]),
  ).answers<ImportedSource>(),
  /** Stops the `import:file` request with this id (it then fails `cancelled`). */
  'import:cancel': request(z.object({ requestId: requestId }).strict()).answers<null>(),
  /** Asks where to save, prints the briefing (progress as `export:progress`), writes it whole or not at all. */
  'export:briefing-pdf': request(z.object({ model: briefingModelSchema }).strict()).answers<SaveOutcome & { pageCount?: number }>(),
  /** Asks where to save an export the renderer made (Markdown, FtM, CSV, the graph as PNG or SVG) and writes it whole or not at all. */
  'export:save-file': request(
    z
      .object({
        format: z.enum(['markdown', 'markdown-zip', 'ftm', 'csv', 'png', 'svg']),
        suggestedName: z.string().min(1).max(200),
        bytes: z.instanceof(Uint8Array),
      })
      .strict(),
  ).answers<SaveOutcome>(),
  /**
   * Exports the case main has to build: self-contained HTML (rendered in Node), or a backup with the originals main keeps.
   * An HTML page must say whether to redact (main redacts it itself); a backup keeps everything, so it cannot ask to.
   */
  'export:case-file': request(
    z.discriminatedUnion('format', [
      z.object({ format: z.literal('html'), snapshot: caseSnapshotSchema, redact: z.boolean() }).strict(),
      z.object({ format: z.literal('backup'), snapshot: caseSnapshotSchema }).strict(),
    ]),
  ).answers<SaveOutcome>(),
  /**
   * Opens a .casebook backup, checks it whole, stores its originals and hands its case back to be written:
   * the one the user picks in the open dialog, or `path`, allowed only if the user opened that file with the
   * app (double-click; main recorded it, see `backup:take-open-requests`).
   */
  'backup:restore': request(z.union([z.void(), z.object({ path: z.string().min(1).max(4096) }).strict()])).answers<
    { restored: false } | { restored: true; snapshot: CaseSnapshot; fileName: string }
  >(),
  /**
   * The backups the user opened with the app before the page listened (a double-click that started it);
   * later ones arrive as `backup:open-requested`. The page calls it once it listens.
   */
  'backup:take-open-requests': request(z.void()).answers<{ requests: OpenRequest[] }>(),
  /** An automatic backup into `<userData>/backups/<caseId>/`: daily (skipped when today's exists) or before a schema upgrade. */
  'backup:auto': request(z.object({ snapshot: caseSnapshotSchema, reason: z.enum(['daily', 'pre-upgrade']).optional() }).strict()).answers<
    { written: true; fileName: string } | { written: false; reason: 'exists-today' }
  >(),
  /**
   * Frees the kept originals of a case deleted for good that no other source
   * uses: the renderer, which owns the store, says which. Main deletes only
   * files named by a sha256 inside its originals folder.
   */
  'originals:release': request(z.object({ sha256s: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(100_000) }).strict()).answers<{ freed: number }>(),
  /**
   * The bytes of one kept original, for the reader's page view (a PDF drawn
   * by pdf.js). Only from main's originals folder, by sha256; at most the
   * import size limit, and only bytes that still hash to that name.
   */
  'originals:read': request(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).answers<Uint8Array>(),
  /**
   * Opens a source's original in the system's app for its type: a read-only
   * copy named `fileName` (main picks the extension from the bytes), made from
   * the original main keeps under this sha256, and nothing else.
   */
  'source:open-original': request(originalRequest).answers<null>(),
  /** Shows that copy of the original in the system's file manager. */
  'source:show-in-folder': request(originalRequest).answers<null>(),
} as const;

export type Channel = keyof typeof CONTRACT;
/** What the renderer sends on a channel, as main's schema has parsed it. */
export type RequestOf<C extends Channel> = z.infer<(typeof CONTRACT)[C]['request']>;
/** What main answers on a channel (inside a `Result`). */
export type ResponseOf<C extends Channel> = (typeof CONTRACT)[C] extends ChannelSpec<z.ZodType, infer Response> ? Response : never;
/** Every channel's request and response types, for code typed per channel. */
export type Contract = { [C in Channel]: { request: RequestOf<C>; response: ResponseOf<C> } };

/** Main → renderer notifications, sent with `sendEvent` (electron/main/ipc/send-event.ts) and nothing else. */
export interface EventContract {
  /** The window is about to close: flush pending saves, then call `window:ready-to-close`. */
  'app:before-close': null;
  /** How far one `import:file` request has got, 0..1. */
  'import:progress': { requestId: string; fraction: number };
  /** How far the briefing export has got. */
  'export:progress': { stage: 'composing' | 'printing' | 'numbering' | 'saving'; printing?: number };
  /** A native menu item that acts in the renderer was chosen (the same actions as the keyboard shortcuts). */
  'menu:command': { command: MenuCommand };
  /** The user opened a .casebook file with the running app: restore it with `backup:restore { path }`. */
  'backup:open-requested': OpenRequest;
}

/** A backup the user opened with the app (double-click, "Open with"); main recorded its path. */
export interface OpenRequest {
  path: string;
  fileName: string;
}
/** A command of the table (shared/commands.ts), which the renderer carries out. */
export type MenuCommand = CommandId;
export type EventChannel = keyof EventContract;

/** camelCase API name for a channel: 'shell:open-external' → 'shellOpenExternal'. */
export type ApiName<C extends string> = C extends `${infer Area}:${infer Rest}` ? `${Area}${Capitalize<CamelCase<Rest>>}` : never;
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

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
