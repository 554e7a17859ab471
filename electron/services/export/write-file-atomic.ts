import * as fsPromises from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export type WriteFileErrorCode = 'not-writable' | 'disk-full' | 'other';

/** Why an export could not be saved; the message is written for the user and names the file. */
export class WriteFileError extends Error {
  override readonly name = 'WriteFileError';
  constructor(
    readonly code: WriteFileErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The file-system calls used, so tests can make any of them fail (a full disk cannot be arranged for real). */
export interface AtomicWriteFs {
  open: typeof fsPromises.open;
  rename: typeof fsPromises.rename;
  rm: typeof fsPromises.rm;
}

const realFs: AtomicWriteFs = { open: fsPromises.open, rename: fsPromises.rename, rm: fsPromises.rm };

/**
 * Writes `bytes` to `path` so that the path holds either its old contents or
 * all of the new ones, never half: the bytes go to a temporary file in the
 * same folder (so the rename stays on one file system), are flushed to disk,
 * and the temporary file is renamed over the target. On any failure the
 * temporary file is removed and a WriteFileError says what went wrong.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array | string, fs: AtomicWriteFs = realFs): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', 0o644);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(tmp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw toWriteFileError(error, path);
  }
}

const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'ENOENT', 'EISDIR']);
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

function toWriteFileError(error: unknown, path: string): WriteFileError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const name = basename(path);
  if (DISK_FULL.has(code)) return new WriteFileError('disk-full', `“${name}” could not be saved: the disk is full. Free some space and try again.`, { cause: error });
  if (NOT_WRITABLE.has(code)) {
    return new WriteFileError('not-writable', `“${name}” could not be saved: the folder ${dirname(path)} does not exist or cannot be written to. Choose another folder.`, { cause: error });
  }
  return new WriteFileError('other', `“${name}” could not be saved (${code || (error as Error)?.message || 'unknown error'}).`, { cause: error });
}
