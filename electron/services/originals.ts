import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The sha256 of a file on disk, streamed (originals go up to 200 MB); null if it cannot be read. */
function sha256OfFile(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', () => resolve(null))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Why an original could not be read back: over the size limit, or no longer the file its name promises. */
export class OriginalReadError extends Error {
  constructor(
    readonly reason: 'too-large' | 'changed',
    message: string,
  ) {
    super(message);
    this.name = 'OriginalReadError';
  }
}

/**
 * Imported files are kept byte for byte under `<dataDir>/originals/ab/abcd…`,
 * named by their sha256: the same file imported twice is stored once, and a
 * citation's fingerprint always finds the bytes it was made from. Writes go
 * to a temporary name first, so a crash never leaves a half-written original
 * under a real name. The name is a promise about the content, so it is
 * checked: bytes that do not hash to their name are refused, and an existing
 * original that no longer matches its name (an older version copied a file
 * that changed mid-import; a damaged disk) is replaced by the good bytes
 * instead of being trusted because it exists — otherwise every backup of the
 * case would fail on it and no re-import could repair it.
 */
export function createOriginalsStore(dataDir: string) {
  const root = join(dataDir, 'originals');
  const pathFor = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256.slice(0, 80)}`);
    return join(root, sha256.slice(0, 2), sha256);
  };
  const exists = (path: string) => stat(path).then(() => true, () => false);

  async function put(sha256: string, write: (tmp: string) => Promise<void>, verifyCopy: boolean): Promise<string> {
    const target = pathFor(sha256);
    if ((await sha256OfFile(target)) === sha256) return target;
    await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
    // Unique per call: two imports of the same file at once must not share a temporary file.
    const tmp = `${target}.${process.pid}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await write(tmp);
      if (verifyCopy && (await sha256OfFile(tmp)) !== sha256) throw new Error(`The file's content does not match its fingerprint ${sha256.slice(0, 12)}… (it changed while it was being copied).`);
      // rename replaces a bad original atomically: readers see the old file or the good one, never a mix.
      await rename(tmp, target);
    } catch (error) {
      await rm(tmp, { force: true });
      throw error;
    }
    return target;
  }

  return {
    root,
    pathFor,
    /** Copies a file on disk into the store; refused if the copy does not hash to `sha256`. */
    putFile: (sha256: string, source: string) => put(sha256, (tmp) => copyFile(source, tmp), true),
    /** Keeps bytes in the store; refused if they do not hash to `sha256`. */
    putBytes: (sha256: string, bytes: Uint8Array) => {
      // Checked before anything touches the disk: the name must be a sha256, and these bytes' sha256.
      if (SHA256.test(sha256) && sha256Of(bytes) !== sha256) {
        return Promise.reject(new Error(`These bytes do not match the fingerprint ${sha256.slice(0, 12)}…; nothing was stored.`));
      }
      return put(sha256, (tmp) => writeFile(tmp, bytes), false);
    },
    has: (sha256: string) => exists(pathFor(sha256)),
    /**
     * The bytes of an original, for the reader to show (a PDF's pages). Read
     * whole, at most `maxBytes`, and only if they still hash to their name:
     * the page a citation jumps to is the very file it was quoted from.
     */
    read: async (sha256: string, maxBytes: number): Promise<Uint8Array> => {
      const path = pathFor(sha256);
      const info = await stat(path);
      if (info.size > maxBytes) throw new OriginalReadError('too-large', `The original is ${info.size} bytes, over the ${maxBytes}-byte limit.`);
      const bytes = new Uint8Array(await readFile(path));
      if (bytes.byteLength > maxBytes) throw new OriginalReadError('too-large', `The original is over the ${maxBytes}-byte limit.`);
      if (sha256Of(bytes) !== sha256) throw new OriginalReadError('changed', `The kept original no longer matches its fingerprint ${sha256.slice(0, 12)}… (damaged on disk).`);
      return bytes;
    },
    /** Frees an original no source uses any more (a case deleted for good); nothing happens if it is not there. */
    remove: async (sha256: string) => {
      await rm(pathFor(sha256), { force: true });
    },
  };
}
export type OriginalsStore = ReturnType<typeof createOriginalsStore>;
