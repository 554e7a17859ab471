import { fork } from 'node:child_process';
import type { ImportProcess, SpawnImportProcess } from './isolated';
import type { ImportReply } from './protocol';

/**
 * Starts the bundled import process (dist/electron/import-worker.mjs) as a
 * Node child process: what tests, the end-to-end harness and benchmarks use
 * in place of Electron's utilityProcess. Same protocol, same memory limit.
 */
export function nodeImportProcess(script: string, options: { maxOldSpaceMb?: number } = {}): SpawnImportProcess {
  return (): ImportProcess => {
    const child = fork(script, [], {
      serialization: 'advanced',
      execArgv: [`--max-old-space-size=${options.maxOldSpaceMb ?? 2048}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr?.resume();
    return {
      postMessage: (message) => child.send(message),
      onMessage: (listener) => child.on('message', (m) => listener(m as ImportReply)),
      onExit: (listener) => child.on('exit', (code) => listener(code)),
      kill: () => child.kill('SIGKILL'),
    };
  };
}
