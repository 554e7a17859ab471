import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  detail?: string;
}

export const MAX_LOG_BYTES = 2 * 1024 * 1024;

/**
 * An append-only log in the app's data folder, so a user can send us what
 * went wrong. Rotates once at 2 MiB (keeps one previous file) so it never
 * grows without bound. Writes are serialized to keep lines whole.
 */
export function createLogFile(
  path: string,
  now: () => Date = () => new Date(),
  options: { maxBytes?: number } = {},
) {
  const maxBytes = options.maxBytes ?? MAX_LOG_BYTES;
  let queue: Promise<void> = Promise.resolve();
  async function write(entry: LogEntry): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const size = await stat(path).then((s) => s.size, () => 0);
    if (size > maxBytes) await rename(path, `${path}.1`);
    const line = JSON.stringify({ time: now().toISOString(), ...entry }) + '\n';
    await appendFile(path, line, 'utf8');
  }
  return {
    path,
    append(entry: LogEntry): Promise<void> {
      const next = queue.then(() => write(entry));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
export type LogFile = ReturnType<typeof createLogFile>;
