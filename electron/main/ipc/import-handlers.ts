import { createHash } from 'node:crypto';
import { fail, ok } from '../../../shared/ipc/result';
import type { Channel } from '../../../shared/ipc/contract';
import { isImportError } from '../../services/import/errors';
import { isKnownEncoding } from '../../services/import/text/encoding-names';
import { readFileToImport } from '../../services/import/read-file';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';

/** Every `import:*` channel: a new one that is not handled here does not compile. */
export type ImportChannel = Extract<Channel, `import:${string}`>;

/** Choosing files, importing one in the isolated process (keeping its original), cancelling. */
export function importHandlers(deps: Pick<HandlerDeps, 'chooseFiles' | 'importer' | 'originals' | 'log'>): Pick<Handlers, ImportChannel> {
  // Imports under way, by the renderer's request id, so they can be cancelled.
  const running = new Map<string, AbortController>();
  // Paths the user picked in main's own open dialog: the only paths an import
  // may read, so a compromised renderer cannot use import to read any file.
  // (Dropped files arrive as bytes, read by the page itself.)
  const chosenPaths = new Set<string>();

  return {
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
  };
}
