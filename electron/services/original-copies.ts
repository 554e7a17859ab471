import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { detectFormat, type DetectedFormat } from './import/detect';
import type { OriginalsStore } from './originals';

/** What a copy is, by its bytes: the detected format, with pictures told apart (each has its own extension). */
type Kind = Exclude<DetectedFormat['kind'], 'unsupported' | 'image'> | 'png' | 'jpeg' | 'tiff';

/** The kind of picture `detectFormat` called an image (it accepts PNG, JPEG and TIFF only). */
function pictureKind(bytes: Uint8Array): 'png' | 'jpeg' | 'tiff' {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'jpeg';
  return 'tiff';
}

/**
 * The extensions a copy may carry, by what its bytes are: the first is the one
 * added when the name has none of them. Main decides, from the bytes, never
 * from the name the renderer sends: a text file named `run.bat` would be run
 * by the system, not opened, so it is handed over as `run.bat.txt`. (Macro
 * formats such as .docm are not offered for the same reason.)
 */
const EXTENSIONS: Record<Kind, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  html: ['html', 'htm'],
  mhtml: ['mhtml', 'mht'],
  markdown: ['md', 'markdown'],
  text: ['txt'],
  email: ['eml'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  tiff: ['tif', 'tiff'],
};

/** Names Windows keeps for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The name a copy of an original is given: the file name it was imported
 * under, reduced to a plain name every system accepts, with an extension that
 * matches what the bytes are (see `EXTENSIONS`).
 */
export function copyName(fileName: string, kind: Kind): string {
  let name = (fileName.split(/[\\/]/).pop() ?? '')
    .replace(/[:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  const allowed = EXTENSIONS[kind];
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (!stem || RESERVED.test(stem.split('.')[0]!)) name = `original${name ? ` ${name}` : ''}`;
  name = name.slice(0, 150);
  return allowed.includes(ext) && name.toLowerCase().endsWith(`.${ext}`) ? name : `${name}.${allowed[0]}`;
}

export class OriginalCopyError extends Error {
  override readonly name = 'OriginalCopyError';
  constructor(
    readonly code: 'missing' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Copies of kept originals, named as the user knows them, for the system's
 * own apps: `<dir>/<sha256>/<name>`, read-only (an edit there would change a
 * throwaway copy, never the original or the case). Only originals in the
 * store, found by their sha256, are ever copied; the name only names.
 */
export function createOriginalCopies(deps: { originals: Pick<OriginalsStore, 'has' | 'pathFor'>; /** Asked when a copy is made. */ dir: () => string }) {
  return {
    /** The path of a copy of the original with this sha256, written if it is not there yet. */
    async copyOf(sha256: string, fileName: string): Promise<string> {
      if (!(await deps.originals.has(sha256))) throw new OriginalCopyError('missing', 'Casebook does not keep the original file of this source (it was imported before originals were kept).');
      const bytes = new Uint8Array(await readFile(deps.originals.pathFor(sha256)));
      const format = detectFormat(bytes, fileName);
      if (format.kind === 'unsupported') throw new OriginalCopyError('unsupported', 'The original file is not a document Casebook can hand to another app.');
      const folder = join(deps.dir(), sha256);
      const target = join(folder, copyName(fileName, format.kind === 'image' ? pictureKind(bytes) : format.kind));
      const existing = await stat(target).catch(() => null);
      if (existing?.isFile() && existing.size === bytes.length) return target;
      await mkdir(folder, { recursive: true });
      // Written beside it and renamed: an app never opens a half-written copy.
      const tmp = join(folder, `.${randomBytes(6).toString('hex')}.partial`);
      try {
        await writeFile(tmp, bytes);
        await chmod(tmp, 0o444);
        await rm(target, { force: true });
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw error;
      }
      return target;
    },
  };
}
export type OriginalCopies = ReturnType<typeof createOriginalCopies>;
