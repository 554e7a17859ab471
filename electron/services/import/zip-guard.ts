import { Inflate, zipSync, type Zippable } from 'fflate';
import { ImportError } from './errors';
import type { ImportLimits } from './types';

/**
 * Zip-bomb guard for zip-based formats (DOCX).
 *
 * 1. `inspectZip` reads the central directory itself, before anything is
 *    inflated: entry count, the sum of declared uncompressed sizes, each
 *    entry's compression ratio, duplicate names and overlapping entries.
 * 2. `inflateGuarded` inflates the entries a parser needs with fflate's
 *    streaming `Inflate`, in small input chunks, counting the bytes that
 *    really come out and stopping as soon as an entry passes its declared
 *    size or the total passes the limit (a lying header cannot get past it).
 * 3. `repackStored` zips the verified entries again without compression, so
 *    a library that unzips on its own (mammoth uses JSZip) never inflates an
 *    untrusted deflate stream.
 */

export interface ZipEntry {
  /** Name as stored (UTF-8 if flagged, else read byte for byte). */
  name: string;
  /** 0 stored, 8 deflated; anything else is refused by `inspectZip`. */
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  /** Declared; `inflateGuarded` holds the entry to it. */
  uncompressedSize: number;
  localHeaderOffset: number;
  /** Where the entry's compressed data starts (after its local header); set by `inspectZip`. */
  dataOffset: number;
}

/** A structural problem with the archive, turned into ImportError('corrupt') by `inspectZip`. */
export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** An entry that inflates more than this many times its compressed size, and is over BOMB_MIN_SIZE, is a bomb. */
export const BOMB_RATIO = 1000;
export const BOMB_MIN_SIZE = 1024 * 1024;
/**
 * Compressed bytes pushed into the inflater at a time. fflate inflates a whole
 * push before reporting it, and deflate expands at most ~1032:1, so one push
 * yields at most ~34 MB: the most a bomb can allocate past its limit before
 * it is stopped. (Smaller pushes cost speed: 8 KB is ~4× slower.)
 */
const INFLATE_CHUNK = 32 * 1024;

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
/** A 64-bit little-endian integer; past 2^53 it is as good as infinite for our checks. */
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

/** True if the bytes start like a zip archive (local header, or an empty archive's end record). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (u32(bytes, 0) === LOCAL_SIGNATURE || u32(bytes, 0) === EOCD_SIGNATURE);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  if (bytes.length < EOCD_SIZE) throw new ZipFormatError('too short for a zip archive');
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at -= 1) {
    // The record ends the file: its comment must run exactly to the end.
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(bytes, at + 20) === bytes.length) return at;
  }
  // Some writers pad after the comment; accept a record whose comment fits.
  for (let at = last; at >= first; at -= 1) {
    if (bytes[at] === 0x50 && u32(bytes, at) === EOCD_SIGNATURE && at + EOCD_SIZE + u16(bytes, at + 20) <= bytes.length) return at;
  }
  throw new ZipFormatError('no end of central directory record (truncated?)');
}

interface Directory {
  count: number;
  offset: number;
  size: number;
  /** Where the central directory must end: the ZIP64 end record or the end record. */
  limit: number;
}

function readDirectoryLocation(bytes: Uint8Array): Directory {
  const eocd = findEndOfCentralDirectory(bytes);
  const disk = u16(bytes, eocd + 4);
  const cdDisk = u16(bytes, eocd + 6);
  let countOnDisk = u16(bytes, eocd + 8);
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  let limit = eocd;
  const zip64 = count === 0xffff || countOnDisk === 0xffff || size === 0xffffffff || offset === 0xffffffff;
  const locator = eocd - 20;
  if (locator >= 0 && u32(bytes, locator) === ZIP64_LOCATOR_SIGNATURE) {
    const recordOffset = u64(bytes, locator + 8);
    if (recordOffset + 56 > locator || u32(bytes, recordOffset) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError('bad ZIP64 end of central directory');
    }
    if (u32(bytes, recordOffset + 16) !== 0 || u32(bytes, recordOffset + 20) !== 0) throw new ZipFormatError('multi-disk archive');
    countOnDisk = u64(bytes, recordOffset + 24);
    count = u64(bytes, recordOffset + 32);
    size = u64(bytes, recordOffset + 40);
    offset = u64(bytes, recordOffset + 48);
    limit = recordOffset;
  } else if (zip64) {
    throw new ZipFormatError('ZIP64 archive without its locator');
  } else if (disk !== 0 || cdDisk !== 0) {
    throw new ZipFormatError('multi-disk archive');
  }
  if (countOnDisk !== count) throw new ZipFormatError('multi-disk archive');
  if (offset + size > limit) throw new ZipFormatError('central directory outside the file');
  return { count, offset, size, limit };
}

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/**
 * Lists the central directory without limits or local-header checks: cheap,
 * for format detection. Throws ZipFormatError on a damaged archive.
 * `maxEntries` stops early (throwing `ZipTooManyEntries`) when the declared
 * count is over it.
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries = Number.POSITIVE_INFINITY): ZipEntry[] {
  return readDirectory(bytes, maxEntries).entries;
}

function readDirectory(bytes: Uint8Array, maxEntries: number): { dir: Directory; entries: ZipEntry[] } {
  const dir = readDirectoryLocation(bytes);
  if (dir.count > maxEntries) throw new ZipTooManyEntries(dir.count);
  if (dir.count * CENTRAL_HEADER_SIZE > dir.size) throw new ZipFormatError('central directory too small for its entries');
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  const end = dir.offset + dir.size;
  for (let i = 0; i < dir.count; i += 1) {
    if (at + CENTRAL_HEADER_SIZE > end || u32(bytes, at) !== CENTRAL_SIGNATURE) throw new ZipFormatError('bad central directory entry');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc32 = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let diskStart = u16(bytes, at + 34);
    let localHeaderOffset = u32(bytes, at + 42);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
    if (next > end) throw new ZipFormatError('central directory entry runs past the directory');
    const nameBytes = bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // ZIP64 extended information: only the fields saturated in the header, in this order.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff || diskStart === 0xffff) {
      let extra = at + CENTRAL_HEADER_SIZE + nameLength;
      const extraEnd = extra + extraLength;
      let found = false;
      while (extra + 4 <= extraEnd) {
        const id = u16(bytes, extra);
        const length = u16(bytes, extra + 2);
        let field = extra + 4;
        const fieldEnd = field + length;
        if (fieldEnd > extraEnd) break;
        if (id === 0x0001) {
          found = true;
          const take64 = () => {
            if (field + 8 > fieldEnd) throw new ZipFormatError('short ZIP64 extra field');
            const value = u64(bytes, field);
            field += 8;
            return value;
          };
          if (uncompressedSize === 0xffffffff) uncompressedSize = take64();
          if (compressedSize === 0xffffffff) compressedSize = take64();
          if (localHeaderOffset === 0xffffffff) localHeaderOffset = take64();
          if (diskStart === 0xffff) {
            if (field + 4 > fieldEnd) throw new ZipFormatError('short ZIP64 extra field');
            diskStart = u32(bytes, field);
          }
          break;
        }
        extra = fieldEnd;
      }
      if (!found) throw new ZipFormatError('ZIP64 entry without its extra field');
    }
    if (diskStart !== 0) throw new ZipFormatError('multi-disk archive');
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset, dataOffset: -1 });
    at = next;
  }
  return { dir, entries };
}

/** Thrown by `readZipDirectory` when the declared entry count is over `maxEntries`. */
export class ZipTooManyEntries extends Error {
  override readonly name = 'ZipTooManyEntries';
  constructor(readonly count: number) {
    super(`${count} entries`);
  }
}

const formatBytes = (n: number): string => {
  if (n >= 1024 * 1024 * 1024) return `${+(n / (1024 * 1024 * 1024)).toFixed(1)} GB`;
  if (n >= 1024 * 1024) return `${+(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
};

const tooLarge = (fileName: string, limits: ImportLimits) =>
  new ImportError('too-large', `${fileName}: the document expands to more than ${formatBytes(limits.maxInflatedBytes)} — it may be a zip bomb`);
const corrupt = (fileName: string, cause?: unknown) =>
  new ImportError('corrupt', `${fileName}: the file is damaged (its zip structure is broken)`, cause === undefined ? undefined : { cause });

/**
 * Reads and checks the central directory before anything is inflated.
 * Throws ImportError: 'too-large' for a bomb (too many entries, declared
 * sizes over the limit, an absurd compression ratio), 'corrupt' for a
 * broken archive (truncated, duplicate or overlapping entries, sizes that
 * contradict each other), 'encrypted' for password-protected entries and
 * 'unsupported' for compression methods other than stored and deflate.
 */
export function inspectZip(bytes: Uint8Array, limits: ImportLimits, fileName: string): ZipEntry[] {
  let entries: ZipEntry[];
  let dir: Directory;
  try {
    ({ dir, entries } = readDirectory(bytes, limits.maxZipEntries));
  } catch (error) {
    if (error instanceof ZipTooManyEntries) {
      throw new ImportError(
        'too-large',
        `${fileName}: the document holds ${error.count.toLocaleString('en-US')} files, more than the ${limits.maxZipEntries.toLocaleString('en-US')} allowed — it may be a zip bomb`,
      );
    }
    throw corrupt(fileName, error);
  }

  let declaredTotal = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxInflatedBytes) throw tooLarge(fileName, limits);
    if (entry.uncompressedSize > BOMB_MIN_SIZE && entry.uncompressedSize > entry.compressedSize * BOMB_RATIO) throw tooLarge(fileName, limits);
    // OOXML part names are case-insensitive: two names that differ only in case are one part twice.
    const key = entry.name.toLowerCase();
    if (seen.has(key)) throw corrupt(fileName, new ZipFormatError(`duplicate entry ${entry.name}`));
    seen.add(key);
    if (entry.flags & 0x1) {
      throw new ImportError('encrypted', `${fileName}: the file is password-protected — remove the password and import again`);
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ImportError('unsupported', `${fileName}: the file uses a compression method Casebook does not read (method ${entry.method})`);
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) throw corrupt(fileName, new ZipFormatError(`stored entry ${entry.name} with two sizes`));
  }

  // Local headers: each entry's data must lie in the file, before the central directory, without overlapping another.
  const byOffset = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  let previousEnd = 0;
  for (const entry of byOffset) {
    const at = entry.localHeaderOffset;
    if (at < previousEnd) throw corrupt(fileName, new ZipFormatError(`entry ${entry.name} overlaps another`));
    if (at + LOCAL_HEADER_SIZE > dir.offset || u32(bytes, at) !== LOCAL_SIGNATURE) throw corrupt(fileName, new ZipFormatError(`bad local header for ${entry.name}`));
    entry.dataOffset = at + LOCAL_HEADER_SIZE + u16(bytes, at + 26) + u16(bytes, at + 28);
    const dataEnd = entry.dataOffset + entry.compressedSize;
    if (dataEnd > dir.offset) throw corrupt(fileName, new ZipFormatError(`entry ${entry.name} runs past its data`));
    previousEnd = dataEnd;
  }
  return entries;
}

export interface InflateOptions {
  /** Which entries to inflate; the others are left alone (and not returned). Default: all files (not directories). */
  include?: (entry: ZipEntry) => boolean;
  signal?: AbortSignal;
}

class Overflow extends Error {}

/**
 * Inflates the chosen entries of an archive that passed `inspectZip`,
 * counting real output: an entry that passes its declared size, or a total
 * over `maxInflatedBytes`, stops the inflation at once (ImportError
 * 'too-large'); an entry that comes out short, fails its CRC or whose
 * stream is broken is 'corrupt'.
 */
export function inflateGuarded(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: ImportLimits,
  fileName: string,
  options: InflateOptions = {},
): Map<string, Uint8Array> {
  const include = options.include ?? ((entry: ZipEntry) => !entry.name.endsWith('/'));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (!include(entry)) continue;
    if (options.signal?.aborted) throw new ImportError('cancelled', `${fileName}: import cancelled`);
    if (entry.dataOffset < 0) throw new Error('inflateGuarded: entries must come from inspectZip');
    const compressed = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
    let data: Uint8Array;
    if (entry.method === 0) {
      total += compressed.length;
      if (total > limits.maxInflatedBytes) throw tooLarge(fileName, limits);
      data = compressed.slice();
    } else {
      const chunks: Uint8Array[] = [];
      let produced = 0;
      const inflater = new Inflate((chunk) => {
        produced += chunk.length;
        total += chunk.length;
        if (produced > entry.uncompressedSize || total > limits.maxInflatedBytes) throw new Overflow();
        if (chunk.length) chunks.push(chunk);
      });
      try {
        if (compressed.length === 0) inflater.push(compressed, true);
        for (let at = 0; at < compressed.length; at += INFLATE_CHUNK) {
          const end = Math.min(at + INFLATE_CHUNK, compressed.length);
          inflater.push(compressed.subarray(at, end), end === compressed.length);
        }
      } catch (error) {
        if (error instanceof Overflow) throw tooLarge(fileName, limits);
        throw corrupt(fileName, error);
      }
      if (produced !== entry.uncompressedSize) throw corrupt(fileName, new ZipFormatError(`entry ${entry.name} inflates to ${produced} bytes, not ${entry.uncompressedSize}`));
      data = concat(chunks, produced);
    }
    if (crc32(data) !== entry.crc32) throw corrupt(fileName, new ZipFormatError(`entry ${entry.name} fails its CRC`));
    out.set(entry.name, data);
  }
  return out;
}

/** Zips files again without compression (stored), for a library that insists on a zip. */
export function repackStored(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, data] of files) zippable[name] = [data, { level: 0 }];
  return zipSync(zippable, { level: 0 });
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.length === length) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 (IEEE), as zip stores it. */
export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  const table = CRC_TABLE;
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
