import { basename, extname, isAbsolute, resolve } from 'node:path';
import type { OpenRequest } from '../../shared/ipc/contract';

export type { OpenRequest };

/** The extension of a Casebook backup, the type the app registers with the system. */
export const BACKUP_EXTENSION = '.casebook';

const isBackupPath = (path: string) => extname(path).toLowerCase() === BACKUP_EXTENSION;

/**
 * The backups named on a command line: on Windows and Linux the system starts
 * the app (or hands the running one, in `second-instance`) the file's path as
 * an argument. argv[0] is the executable; switches (Chromium adds its own) are
 * not files; anything else that names a .casebook file is, resolved against
 * the directory the launch came from.
 */
export function backupPathsInArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => arg && !arg.startsWith('-') && isBackupPath(arg))
    .map((arg) => (isAbsolute(arg) ? arg : resolve(cwd, arg)));
}

/**
 * The backups the user opened with the app. Recorded paths are the only
 * ones `backup:restore` reads by path (as the import dialog's picks are for
 * import), so a compromised renderer cannot have main read any other file.
 * Paths that arrive before the page listens (a double-click that starts the
 * app; macOS's `open-file` before ready) wait until it asks for them; later
 * ones are delivered at once.
 */
export function createOpenRequests() {
  const recorded = new Set<string>();
  let waiting: OpenRequest[] = [];
  let deliver: ((request: OpenRequest) => void) | null = null;
  return {
    /** Records a path the system handed the app; false (ignored) if it is not a backup. */
    add(path: string): boolean {
      if (!isAbsolute(path) || !isBackupPath(path)) return false;
      recorded.add(path);
      const request = { path, fileName: basename(path) };
      if (deliver) deliver(request);
      else waiting.push(request);
      return true;
    },
    /** The page listens: it gets what waited, and `send` carries the later ones. */
    take(send: (request: OpenRequest) => void): OpenRequest[] {
      deliver = send;
      const taken = waiting;
      waiting = [];
      return taken;
    },
    /** The page is going away (reload, new case): later paths wait for the next page to ask. */
    detach(): void {
      deliver = null;
    },
    /** Whether the user opened this very path with the app. */
    has(path: string): boolean {
      return recorded.has(path);
    },
  };
}
export type OpenRequests = ReturnType<typeof createOpenRequests>;
