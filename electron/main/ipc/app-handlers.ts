import { fail, ok } from '../../../shared/ipc/result';
import { checkExternalUrl } from '../../services/external-url';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';

export type AppChannel = 'app:get-info' | 'shell:open-external' | 'log:write' | 'window:ready-to-close';

/** The app's own channels: what it is, links out, the log, the close handshake. */
export function appHandlers(deps: Pick<HandlerDeps, 'appInfo' | 'openExternal' | 'log' | 'readyToClose'>): Pick<Handlers, AppChannel> {
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
