import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from './errors';

/**
 * Reads a file to import, whole, once: checks it exists and is within the
 * size limit first. Main reads it here and hands these very bytes to the
 * parser, the hash and the originals store, so a file that changes on disk
 * during the import cannot leave a stored original that differs from what
 * was parsed and fingerprinted. Rejects only with an ImportError naming the file.
 */
export async function readFileToImport(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; fileName: string }> {
  const fileName = basename(path);
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw unreadable(fileName, error);
  });
  if (!info.isFile()) throw new ImportError('unreadable', `${fileName}: not a file.`);
  if (info.size > maxBytes) throw tooLargeError(fileName, info.size, maxBytes);
  try {
    const handle = await open(path, 'r');
    try {
      const bytes = new Uint8Array(info.size);
      let offset = 0;
      while (offset < info.size) {
        const { bytesRead } = await handle.read(bytes, offset, info.size - offset, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
      }
      // A file that shrank meanwhile is what is left; one that grew is its first `size` bytes. Either
      // way these bytes, and only these, are parsed, hashed and kept.
      return { bytes: offset === info.size ? bytes : bytes.subarray(0, offset), fileName };
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw unreadable(fileName, error as NodeJS.ErrnoException);
  }
}

const unreadable = (fileName: string, error: NodeJS.ErrnoException) =>
  new ImportError('unreadable', `${fileName}: ${error.code === 'ENOENT' ? 'the file is no longer there' : `could not be read (${error.code ?? error.message})`}.`, { cause: error });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
export const tooLargeError = (fileName: string, size: number, max: number) =>
  new ImportError('too-large', `${fileName}: ${mb(size)} is over the ${mb(max)} limit for one file.`);
