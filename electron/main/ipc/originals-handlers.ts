import { fail, ok } from '../../../shared/ipc/result';
import type { Channel } from '../../../shared/ipc/contract';
import { MAX_SOURCE_BYTES } from '../../../shared/model/imported-source';
import { OriginalReadError } from '../../services/originals';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';

/** Every `originals:*` channel: a new one that is not handled here does not compile. */
export type OriginalsChannel = Extract<Channel, `originals:${string}`>;

/** The originals main keeps for the store: read back for the reader's page view, freed when a case is deleted for good. */
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
    'originals:read': async ({ sha256 }) => {
      try {
        return ok(await deps.originals.read(sha256, MAX_SOURCE_BYTES));
      } catch (error) {
        if (error instanceof OriginalReadError) return fail(error.reason === 'too-large' ? 'too-large' : 'corrupt', error.message);
        const code = (error as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return fail('unreadable', 'The original file of this source is not kept on this computer (it may have been imported elsewhere, or restored from a backup without it).');
        return fail('io', `Could not read the original file: ${(error as Error).message}`);
      }
    },
  };
}
