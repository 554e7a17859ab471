import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Imported files are kept byte for byte under `<dataDir>/originals/ab/abcd…`,
 * named by their sha256: the same file imported twice is stored once, and a
 * citation's fingerprint always finds the bytes it was made from. Writes go
 * to a temporary name first, so a crash never leaves a half-written original
 * under a real name.
 */
export function createOriginalsStore(dataDir: string) {
  const root = join(dataDir, 'originals');
  const pathFor = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`Not a sha256: ${sha256.slice(0, 80)}`);
    return join(root, sha256.slice(0, 2), sha256);
  };
  const exists = (path: string) => stat(path).then(() => true, () => false);

  async function put(sha256: string, write: (tmp: string) => Promise<void>): Promise<string> {
    const target = pathFor(sha256);
    if (await exists(target)) return target;
    await mkdir(join(root, sha256.slice(0, 2)), { recursive: true });
    const tmp = `${target}.${process.pid}.${Date.now()}.partial`;
    try {
      await write(tmp);
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
    /** Copies a file on disk into the store (its sha256 computed by the importer). */
    putFile: (sha256: string, source: string) => put(sha256, (tmp) => copyFile(source, tmp)),
    putBytes: (sha256: string, bytes: Uint8Array) => put(sha256, (tmp) => writeFile(tmp, bytes)),
    has: (sha256: string) => exists(pathFor(sha256)),
  };
}
export type OriginalsStore = ReturnType<typeof createOriginalsStore>;
