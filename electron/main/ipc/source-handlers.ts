import { fail, ok } from '../../../shared/ipc/result';
import type { Channel } from '../../../shared/ipc/contract';
import { OriginalCopyError, type OriginalCopies } from '../../services/original-copies';
import type { Handlers } from './dispatch';
import type { HandlerDeps } from './handlers';

/** Every `source:*` channel: a new one that is not handled here does not compile. */
export type SourceChannel = Extract<Channel, `source:${string}`>;

/**
 * A source's original in the system's apps: a read-only copy named as it was
 * imported (electron/services/original-copies.ts), opened or shown in its
 * folder. Main finds the original by its sha256 in its own store; the
 * renderer's file name only names the copy, and its extension is main's choice.
 */
export function sourceHandlers(deps: Pick<HandlerDeps, 'openPath' | 'showItemInFolder'> & { originalCopies: OriginalCopies }): Pick<Handlers, SourceChannel> {
  const copy = async (sha256: string, fileName: string) => {
    try {
      return { ok: true as const, path: await deps.originalCopies.copyOf(sha256, fileName) };
    } catch (error) {
      if (error instanceof OriginalCopyError) return { ok: false as const, failure: fail('io', error.message) };
      return { ok: false as const, failure: fail('io', `Could not copy the original out of the case: ${(error as Error).message}`) };
    }
  };
  return {
    'source:open-original': async ({ sha256, fileName }) => {
      const made = await copy(sha256, fileName);
      if (!made.ok) return made.failure;
      // openPath answers with an error message, or '' when the system opened it.
      const problem = await deps.openPath(made.path);
      return problem ? fail('io', `The system could not open ${fileName}: ${problem}`) : ok(null);
    },
    'source:show-in-folder': async ({ sha256, fileName }) => {
      const made = await copy(sha256, fileName);
      if (!made.ok) return made.failure;
      deps.showItemInFolder(made.path);
      return ok(null);
    },
  };
}
