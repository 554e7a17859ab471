import { fail, ok } from '../../../shared/ipc/result';
import type { AppInfo } from '../../../shared/ipc/contract';
import { checkExternalUrl } from '../../services/external-url';
import type { LogFile } from '../../services/log-file';
import type { OriginalsStore } from '../../services/originals';
import type { IsolatedImporter } from '../../services/import/isolated';
import { isImportError } from '../../services/import/errors';
import { isKnownEncoding } from '../../services/import/text/encoding-names';
import { readFileToImport } from '../../services/import/read-file';
import type { Handlers } from './dispatch';
import type { BriefingModel } from '../../../shared/briefing/model';
import type { EventContract, SaveOutcome } from '../../../shared/ipc/contract';
import type { RequestOf } from '../../../shared/ipc/schemas';
import { decodeBackup, encodeBackup } from '../../../shared/export/backup';
import type { CaseSnapshot } from '../../../shared/export/case-snapshot';
import { checkRedacted, RedactionLeakError } from '../../../shared/redaction/legible';
import { redactSnapshot } from '../../../shared/redaction/redact-snapshot';
import { createBackupRotation, type BackupRotation } from '../../services/backup-rotation';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';

export type ExportFormat = RequestOf<'export:save-file'>['format'] | RequestOf<'export:case-file'>['format'] | 'pdf';

export interface HandlerDeps {
  appInfo: () => AppInfo;
  /** `shell.openExternal` in the app; called only with a checked URL. */
  openExternal: (url: string) => Promise<void>;
  log: LogFile;
  /** The renderer finished flushing; main may now close its window. */
  readyToClose: (senderUrl: string | undefined) => void;
  /** The native open dialog (multi-select); resolves to the chosen paths, empty when cancelled. */
  chooseFiles: () => Promise<string[]>;
  importer: IsolatedImporter;
  originals: OriginalsStore;
  /** The native save dialog; null when the user cancels. */
  chooseSavePath: (suggestedName: string, format: ExportFormat) => Promise<string | null>;
  /** Prints the briefing to PDF bytes (electron/services/export/briefing-pdf.ts over a hidden window). */
  printBriefing: (model: BriefingModel, onProgress: (progress: EventContract['export:progress']) => void) => Promise<{ bytes: Uint8Array; pageCount: number }>;
  /** Writes a whole file or nothing (temporary file, then rename). */
  writeFileAtomic: (path: string, bytes: Uint8Array) => Promise<void>;
  /** The native open dialog for one backup file; null when cancelled. */
  chooseBackupFile: () => Promise<string | null>;
  /** `<userData>/backups`: automatic backups, one folder per case (electron/services/backup-rotation.ts); `<dataDir>/backups` if not given. */
  backupsDir?: string;
  /** The clock that names automatic backups; the system's by default. */
  now?: () => Date;
}

/** Largest backup main will read: far above any real case, far below what would exhaust memory. */
const MAX_BACKUP_BYTES = 4 * 1024 ** 3 - 1;

/** A write failure as the user should read it, with the code the renderer can act on. */
function writeFailure(error: unknown, path: string) {
  const code = (error as { code?: string }).code;
  if (code === 'not-writable' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'ENOENT') {
    return fail('not-writable', `Could not save to ${path}: the folder cannot be written to. Choose another folder.`);
  }
  if (code === 'disk-full' || code === 'ENOSPC') return fail('disk-full', `Could not save to ${path}: the disk is full. Nothing was written.`);
  return fail('io', `Could not save to ${path}: ${(error as Error).message}`);
}

/** Main's handler for every channel of the contract; plain code, no Electron. */
export function createHandlers(deps: HandlerDeps): Handlers {
  // Imports under way, by the renderer's request id, so they can be cancelled.
  const running = new Map<string, AbortController>();
  // Paths the user picked in main's own open dialog: the only paths an import
  // may read, so a compromised renderer cannot use import to read any file.
  // (Dropped files arrive as bytes, read by the page itself.)
  const chosenPaths = new Set<string>();

  /** A `.casebook` backup of a snapshot with the originals main keeps: what `export:case-file` and `backup:auto` write. */
  const backupBytes = async (snapshot: CaseSnapshot): Promise<Uint8Array> => {
    const originals = new Map<string, Uint8Array>();
    for (const { sha256 } of snapshot.sources) {
      // A source whose original is gone (imported before originals were kept) travels without it.
      if (await deps.originals.has(sha256)) originals.set(sha256, new Uint8Array(await readFile(deps.originals.pathFor(sha256))));
    }
    return encodeBackup(snapshot, originals, { appVersion: deps.appInfo().version });
  };

  const backupsDir = () => deps.backupsDir ?? join(deps.appInfo().dataDir, 'backups');
  let rotation: BackupRotation | undefined;
  const backups = () =>
    (rotation ??= createBackupRotation({
      dir: backupsDir(),
      now: deps.now ?? (() => new Date()),
      fs: {
        mkdir: async (path) => {
          await mkdir(path, { recursive: true });
        },
        readdir: (path) => readdir(path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? [] : Promise.reject(error))),
        writeFileAtomic: deps.writeFileAtomic,
        unlink,
      },
    }));

  return {
    'app:get-info': () => ok(deps.appInfo()),
    'shell:open-external': async ({ url }) => {
      const checked = checkExternalUrl(url);
      if (!checked.ok) return fail('forbidden-url', checked.reason);
      await deps.openExternal(checked.url);
      return ok(null);
    },
    'log:write': async (entry) => {
      try {
        await deps.log.append(entry);
      } catch (error) {
        return fail('io', `Could not write the log: ${(error as Error).message}`);
      }
      return ok(null);
    },
    'window:ready-to-close': (_payload, context) => {
      deps.readyToClose(context.senderUrl);
      return ok(null);
    },
    'import:choose-files': async () => {
      const paths = await deps.chooseFiles();
      for (const path of paths) chosenPaths.add(path);
      return ok({ paths });
    },
    'import:file': async (request, context) => {
      if (running.has(request.requestId)) return fail('invalid-payload', `Import ${request.requestId} is already running.`);
      if ('path' in request && !chosenPaths.has(request.path)) return fail('forbidden-path', 'Only files chosen in the import dialog can be imported by path.');
      if (request.encoding !== undefined && !isKnownEncoding(request.encoding)) return fail('invalid-payload', `"${request.encoding}" is not a text encoding Casebook knows.`);
      const controller = new AbortController();
      running.set(request.requestId, controller);
      try {
        // Read once, here: the importer parses, main hashes and the store keeps these very bytes, so a
        // file that changes on disk mid-import cannot leave an original that differs from its fingerprint.
        const read = 'path' in request ? await readFileToImport(request.path, deps.importer.limits.maxBytes) : { bytes: request.bytes, fileName: request.fileName };
        const input = request.encoding ? { ...read, encoding: request.encoding } : read;
        const source = await deps.importer.run(input, {
          signal: controller.signal,
          onProgress: (fraction) => context.emit?.('import:progress', { requestId: request.requestId, fraction }),
        });
        // The fingerprint is main's own, not the import process's word for it.
        const sha256 = createHash('sha256').update(input.bytes).digest('hex');
        if (source.sha256 !== sha256) return fail('corrupt', `${input.fileName}: the importer's fingerprint does not match the file; nothing was imported.`);
        // Keep the original, content-addressed, before the renderer stores the source.
        await deps.originals.putBytes(sha256, input.bytes);
        return ok(source);
      } catch (error) {
        if (isImportError(error)) {
          // The parser's own words ("Invalid Root reference.") are for the log, never the message.
          if (error.detail) await deps.log.append({ level: 'warn', message: error.message, detail: error.detail }).catch(() => {});
          return fail(error.code, error.message);
        }
        return fail('io', `Could not keep a copy of the file: ${(error as Error).message}`);
      } finally {
        running.delete(request.requestId);
      }
    },
    'import:cancel': ({ requestId }) => {
      running.get(requestId)?.abort();
      return ok(null);
    },
    'export:briefing-pdf': async ({ model }, context) => {
      const path = await deps.chooseSavePath(`${safeFileName(model.title)}.pdf`, 'pdf');
      if (!path) return ok<SaveOutcome>({ saved: false });
      let printed: { bytes: Uint8Array; pageCount: number };
      try {
        printed = await deps.printBriefing(model as BriefingModel, (progress) => context.emit?.('export:progress', progress));
      } catch (error) {
        return fail('export-failed', `The briefing could not be printed: ${(error as Error).message}`);
      }
      context.emit?.('export:progress', { stage: 'saving' });
      try {
        await deps.writeFileAtomic(path, printed.bytes);
      } catch (error) {
        return writeFailure(error, path);
      }
      return ok({ saved: true as const, path, pageCount: printed.pageCount });
    },
    'export:case-file': async (request) => {
      const { format } = request;
      const original = request.snapshot;
      // Main redacts the page itself, with the same step as every other format: a
      // request that asks for redaction gets it, whatever the renderer sent.
      const redact = request.format === 'html' && request.redact;
      let snapshot = original;
      try {
        if (redact) snapshot = redactSnapshot(original);
      } catch (error) {
        return fail('export-failed', `The HTML page could not be redacted, so it was not made: ${(error as Error).message}`);
      }
      const name = `${safeFileName(snapshot.case.title)}.${format === 'html' ? 'html' : 'casebook'}`;
      const path = await deps.chooseSavePath(name, format);
      if (!path) return ok<SaveOutcome>({ saved: false });
      let bytes: Uint8Array;
      try {
        if (format === 'html') {
          const { caseToHtml } = await import('../../../shared/export/html');
          const html = caseToHtml(snapshot);
          if (redact) checkRedacted(original.entities, [html], 'HTML page');
          bytes = new TextEncoder().encode(html);
        } else {
          bytes = await backupBytes(snapshot);
        }
      } catch (error) {
        if (error instanceof RedactionLeakError) return fail('export-failed', error.message);
        return fail('export-failed', `The ${format === 'html' ? 'HTML page' : 'backup'} could not be made: ${(error as Error).message}`);
      }
      try {
        await deps.writeFileAtomic(path, bytes);
      } catch (error) {
        return writeFailure(error, path);
      }
      return ok<SaveOutcome>({ saved: true, path });
    },
    'backup:restore': async () => {
      const path = await deps.chooseBackupFile();
      if (!path) return ok({ restored: false as const });
      let bytes: Uint8Array;
      try {
        if ((await stat(path)).size > MAX_BACKUP_BYTES) return fail('invalid-backup', `${basename(path)} is too large to be a Casebook backup.`);
        bytes = new Uint8Array(await readFile(path));
      } catch (error) {
        return fail('io', `Could not read ${basename(path)}: ${(error as Error).message}`);
      }
      const decoded = await decodeBackup(bytes);
      if (!decoded.ok) return fail('invalid-backup', `${basename(path)}: ${decoded.error.message} Nothing was changed.`);
      try {
        for (const [sha256, original] of decoded.value.originals) await deps.originals.putBytes(sha256, original);
      } catch (error) {
        return fail('io', `Could not store the backup's original files: ${(error as Error).message}`);
      }
      return ok({ restored: true as const, snapshot: decoded.value.snapshot, fileName: basename(path) });
    },
    'backup:auto': async ({ snapshot, reason }) => {
      try {
        const outcome = await backups().write(snapshot.case.id, reason ?? 'daily', () => backupBytes(snapshot));
        return ok(outcome.written ? { written: true as const, fileName: outcome.fileName } : { written: false as const, reason: outcome.reason });
      } catch (error) {
        return writeFailure(error, backupsDir());
      }
    },
    'export:save-file': async ({ format, suggestedName, bytes }) => {
      const path = await deps.chooseSavePath(safeFileName(suggestedName), format);
      if (!path) return ok<SaveOutcome>({ saved: false });
      try {
        await deps.writeFileAtomic(path, bytes);
      } catch (error) {
        return writeFailure(error, path);
      }
      return ok<SaveOutcome>({ saved: true, path });
    },
  };
}

/** A file name suggestion from a title: no path separators or characters file systems refuse. */
export function safeFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return clean.slice(0, 120) || 'Casebook export';
}
