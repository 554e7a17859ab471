import type { CasebookApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** Built by the preload from shared/ipc/contract.ts; absent in a plain browser. */
    casebook?: CasebookApi;
  }
}

/** The main-process API, or undefined when the renderer runs without Electron. */
export const casebook: CasebookApi | undefined = window.casebook;

/** Reports a problem to main's log file; never throws, never blocks. */
export function logError(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : error === undefined ? undefined : String(error);
  console.error(message, error);
  void casebook?.logWrite({ level: 'error', message: message.slice(0, 4000), ...(detail ? { detail: detail.slice(0, 20000) } : {}) }).catch(() => undefined);
}
