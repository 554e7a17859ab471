import * as nodeModule from 'node:module';

/**
 * V8's compile cache for the import process and its PDF helper threads:
 * modules loaded after this call (pdf.js, jsdom, mammoth: all loaded on
 * first use) are compiled from a code cache on disk instead of from source,
 * which cuts the start-up every fresh thread pays for pdf.js.
 *
 * `module.enableCompileCache` exists from Node 22.1 (Electron 45's Node has
 * it); on an older runtime (Node 20, where the tests run) there is nothing
 * to enable and the import simply starts from source. It never throws: a
 * cache that cannot be written is only a slower start.
 *
 * The folder: `CASEBOOK_COMPILE_CACHE` if main set it (the app points it
 * into its user data), else Node's default (NODE_COMPILE_CACHE, or a folder
 * in the temporary directory).
 */
export type CompileCacheOutcome = { status: 'enabled' | 'already-enabled'; directory?: string } | { status: 'unavailable' } | { status: 'failed'; reason: string };

type EnableCompileCache = (directory?: string) => { status: number; message?: string; directory?: string };

export function enableCompileCache(
  directory: string | undefined = process.env.CASEBOOK_COMPILE_CACHE || undefined,
  // The runtime's function; a parameter so that a runtime which has it can be stood in for where this one does not.
  enable: EnableCompileCache | undefined = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache,
  statuses: Record<string, number> | undefined = (nodeModule as { constants?: { compileCacheStatus?: Record<string, number> } }).constants?.compileCacheStatus,
): CompileCacheOutcome {
  if (typeof enable !== 'function') return { status: 'unavailable' };
  try {
    const result = enable(directory);
    const dir = result.directory ? { directory: result.directory } : {};
    if (statuses && result.status === statuses.ENABLED) return { status: 'enabled', ...dir };
    if (statuses && result.status === statuses.ALREADY_ENABLED) return { status: 'already-enabled', ...dir };
    if (statuses && result.status === statuses.DISABLED) return { status: 'unavailable' };
    return { status: 'failed', reason: result.message ?? `status ${result.status}` };
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
