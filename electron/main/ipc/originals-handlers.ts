import { fail, ok } from '../../../shared/ipc/result';
import type { Channel } from '../../../shared/ipc/contract';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';

/** Every `originals:*` channel: a new one that is not handled here does not compile. */
export type OriginalsChannel = Extract<Channel, `originals:${string}`>;

/** The originals main keeps for the store: freed when a case is deleted for good. */
export function originalsHandlers(deps: Pick<HandlerDeps, 'originals'>): Pick<Handlers, OriginalsChannel> {
  return {
    'originals:release': async ({ sha256s }) => {
      let freed = 0;
      try {
        for (const sha256 of new Set(sha256s)) {
          if (!(await deps.originals.has(sha256))) continue;
          await deps.originals.remove(sha256);
          freed += 1;
        }
      } catch (error) {
        return fail('io', `Could not free the originals of the deleted case: ${(error as Error).message}`);
      }
      return ok({ freed });
    },
  };
}
