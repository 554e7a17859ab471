import { fail, ok } from '../../../shared/ipc/result';
import type { AppInfo } from '../../../shared/ipc/contract';
import { checkExternalUrl } from '../../services/external-url';
import type { LogFile } from '../../services/log-file';
import type { OriginalsStore } from '../../services/originals';
import type { IsolatedImporter } from '../../services/import/isolated';
import { isImportError } from '../../services/import/errors';
import type { Handlers } from './dispatch';

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
}

/** Main's handler for every channel of the contract; plain code, no Electron. */
export function createHandlers(deps: HandlerDeps): Handlers {
  // Imports under way, by the renderer's request id, so they can be cancelled.
  const running = new Map<string, AbortController>();
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
    'import:choose-files': async () => ok({ paths: await deps.chooseFiles() }),
    'import:file': async (request, context) => {
      if (running.has(request.requestId)) return fail('invalid-payload', `Import ${request.requestId} is already running.`);
      const controller = new AbortController();
      running.set(request.requestId, controller);
      try {
        const input = 'path' in request ? { path: request.path } : { bytes: request.bytes, fileName: request.fileName };
        const source = await deps.importer.run(input, {
          signal: controller.signal,
          onProgress: (fraction) => context.emit?.('import:progress', { requestId: request.requestId, fraction }),
        });
        // Keep the original, content-addressed, before the renderer stores the source.
        if ('path' in request) await deps.originals.putFile(source.sha256, request.path);
        else await deps.originals.putBytes(source.sha256, request.bytes);
        return ok(source);
      } catch (error) {
        if (isImportError(error)) return fail(error.code, error.message);
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
