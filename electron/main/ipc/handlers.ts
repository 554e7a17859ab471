import { fail, ok } from '../../../shared/ipc/result';
import type { AppInfo } from '../../../shared/ipc/contract';
import { checkExternalUrl } from '../../services/external-url';
import type { LogFile } from '../../services/log-file';
import type { Handlers } from './dispatch';

export interface HandlerDeps {
  appInfo: () => AppInfo;
  /** `shell.openExternal` in the app; called only with a checked URL. */
  openExternal: (url: string) => Promise<void>;
  log: LogFile;
  /** The renderer finished flushing; main may now close its window. */
  readyToClose: (senderUrl: string | undefined) => void;
}

/** Main's handler for every channel of the contract; plain code, no Electron. */
export function createHandlers(deps: HandlerDeps): Handlers {
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
  };
}
