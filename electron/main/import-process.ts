import { utilityProcess } from 'electron';
import type { ImportProcess, SpawnImportProcess } from '../services/import/isolated';
import type { ImportReply } from '../services/import/protocol';

/**
 * The import process in the app: an Electron utilityProcess running the
 * bundled import worker, with its own memory limit, so parsing never runs
 * in main or in the window.
 */
export function utilityImportProcess(script: string, options: { maxOldSpaceMb?: number; compileCacheDir?: string } = {}): SpawnImportProcess {
  return (): ImportProcess => {
    const child = utilityProcess.fork(script, [], {
      serviceName: 'Casebook importer',
      execArgv: [`--max-old-space-size=${options.maxOldSpaceMb ?? 2048}`],
      stdio: 'ignore',
      // Where V8 keeps compiled pdf.js, jsdom… between processes (services/import/compile-cache.ts).
      ...(options.compileCacheDir ? { env: { ...process.env, CASEBOOK_COMPILE_CACHE: options.compileCacheDir } } : {}),
    });
    return {
      postMessage: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (m: ImportReply) => listener(m)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => {
        child.kill();
      },
    };
  };
}
