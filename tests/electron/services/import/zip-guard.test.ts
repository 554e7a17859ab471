import { deflateSync, inflateSync, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../electron/services/import/errors';
import { DEFAULT_LIMITS, type ImportLimits } from '../../../../electron/services/import/types';
import {
  crc32,
  inflateGuarded,
  inspectZip,
  readZipDirectory,
  repackStored,
} from '../../../../electron/services/import/zip-guard';

// ---------------------------------------------------------------------------
// A zip writer with full control over what the headers declare, so a test can
// make archives that lie (sizes, offsets, names) and ZIP64 archives.

interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (already deflated for method 8). */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  /** Declared uncompressed size. */
  size: number;
  /** Declared compressed size; defaults to data.length. */
  compressedSize?: number;
  flags?: number;
  /** Write sizes and offset in a ZIP64 extra field. */
  zip64?: boolean;
  /** Point the central directory at another entry's local header. */
  localOffsetOverride?: number;
}

const le = (value: number, bytes: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < bytes; i += 1) out.push(Math.floor(value / 2 ** (8 * i)) % 256);
  return out;
};

function buildZip(entries: RawEntry[], options: { zip64?: boolean } = {}): Uint8Array {
  const out: number[] = [];
  const push = (bytes: ArrayLike<number>) => {
    for (let i = 0; i < bytes.length; i += 1) out.push(bytes[i]!);
  };
  const central: number[] = [];
  const offsets: number[] = [];
  for (const e of entries) {
    const name = strToU8(e.name);
    const csize = e.compressedSize ?? e.data.length;
    offsets.push(out.length);
    const extra = e.zip64 ? [...le(1, 2), ...le(16, 2), ...le(e.size, 8), ...le(csize, 8)] : [];
    push([...le(0x04034b50, 4), ...le(e.zip64 ? 45 : 20, 2), ...le(e.flags ?? 0x800, 2), ...le(e.method, 2), 0, 0, 0x21, 0]);
    push([...le(e.crc, 4), ...le(e.zip64 ? 0xffffffff : csize, 4), ...le(e.zip64 ? 0xffffffff : e.size, 4), ...le(name.length, 2), ...le(extra.length, 2)]);
    push(name);
    push(extra);
    push(e.data);
  }
  entries.forEach((e, i) => {
    const name = strToU8(e.name);
    const csize = e.compressedSize ?? e.data.length;
    const offset = e.localOffsetOverride ?? offsets[i]!;
    const extra = e.zip64 ? [...le(1, 2), ...le(24, 2), ...le(e.size, 8), ...le(csize, 8), ...le(offset, 8)] : [];
    central.push(...le(0x02014b50, 4), ...le(45, 2), ...le(e.zip64 ? 45 : 20, 2), ...le(e.flags ?? 0x800, 2), ...le(e.method, 2), 0, 0, 0x21, 0);
    central.push(...le(e.crc, 4), ...le(e.zip64 ? 0xffffffff : csize, 4), ...le(e.zip64 ? 0xffffffff : e.size, 4));
    central.push(...le(name.length, 2), ...le(extra.length, 2), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...le(e.zip64 ? 0xffffffff : offset, 4));
    central.push(...name, ...extra);
  });
  const cdOffset = out.length;
  push(central);
  if (options.zip64) {
    const record = out.length;
    push([...le(0x06064b50, 4), ...le(44, 8), ...le(45, 2), ...le(45, 2), ...le(0, 4), ...le(0, 4)]);
    push([...le(entries.length, 8), ...le(entries.length, 8), ...le(central.length, 8), ...le(cdOffset, 8)]);
    push([...le(0x07064b50, 4), ...le(0, 4), ...le(record, 8), ...le(1, 4)]);
    push([...le(0x06054b50, 4), 0, 0, 0, 0, ...le(0xffff, 2), ...le(0xffff, 2), ...le(0xffffffff, 4), ...le(0xffffffff, 4), 0, 0]);
  } else {
    push([...le(0x06054b50, 4), 0, 0, 0, 0, ...le(entries.length, 2), ...le(entries.length, 2), ...le(central.length, 4), ...le(cdOffset, 4), 0, 0]);
  }
  return Uint8Array.from(out);
}

const stored = (name: string, text: string): RawEntry => {
  const data = strToU8(text);
  return { name, data, method: 0, crc: crc32(data), size: data.length };
};
const deflated = (name: string, content: Uint8Array): RawEntry => ({
  name,
  data: deflateSync(content, { level: 9 }),
  method: 8,
  crc: crc32(content),
  size: content.length,
});

/**
 * A raw deflate stream of `1 + 258 * repeats` zero bytes, written directly as
 * one fixed-Huffman block: a literal 0, then "copy 258 bytes from distance 1"
 * over and over (13 bits each). A gigabyte of output from ~6.5 MB, without
 * ever holding the gigabyte in memory.
 */
function zeroBombStream(repeats: number): Uint8Array {
  const out = new Uint8Array(Math.ceil((3 + 8 + repeats * 13 + 7) / 8) + 8);
  let byte = 0;
  let bit = 0;
  let at = 0;
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i += 1) {
      if ((value >>> i) & 1) byte |= 1 << bit;
      bit += 1;
      if (bit === 8) {
        out[at++] = byte;
        byte = 0;
        bit = 0;
      }
    }
  };
  // Huffman codes go most significant bit first.
  const reversed = (code: number, length: number) => {
    let r = 0;
    for (let i = 0; i < length; i += 1) r |= ((code >>> i) & 1) << (length - 1 - i);
    return r;
  };
  bits(1, 1); // BFINAL
  bits(1, 2); // BTYPE = 01, fixed Huffman
  bits(reversed(0x30, 8), 8); // literal 0
  const copy = reversed(0xc5, 8) | (0 << 8); // length code 285 (258 bytes), then distance code 0 (5 zero bits)
  for (let i = 0; i < repeats; i += 1) bits(copy, 13);
  bits(0, 7); // end of block (256)
  if (bit > 0) out[at++] = byte;
  return out.subarray(0, at);
}

const limits = (overrides: Partial<ImportLimits> = {}): ImportLimits => ({ ...DEFAULT_LIMITS, ...overrides });

function rejection(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('expected an ImportError');
}

// ---------------------------------------------------------------------------

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('inspectZip + inflateGuarded on honest archives', () => {
  it('lists and inflates what fflate wrote (deflated and stored entries)', () => {
    const big = strToU8('Casebook '.repeat(20_000) + '武汉 é');
    const zip = zipSync({ 'a.txt': strToU8('hello'), 'dir/b.xml': big, 'c.bin': [strToU8('stored'), { level: 0 }] }, { level: 6 });
    const entries = inspectZip(zip, limits(), 'x.zip');
    expect(entries.map((e) => e.name).sort()).toEqual(['a.txt', 'c.bin', 'dir/b.xml']);
    expect(entries.find((e) => e.name === 'c.bin')!.method).toBe(0);
    const files = inflateGuarded(zip, entries, limits(), 'x.zip');
    expect(new TextDecoder().decode(files.get('dir/b.xml'))).toBe(new TextDecoder().decode(big));
    expect(new TextDecoder().decode(files.get('a.txt'))).toBe('hello');
    expect(new TextDecoder().decode(files.get('c.bin'))).toBe('stored');
  });

  it('inflates only the entries asked for', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>'), 'media/p.png': strToU8('not inflated') });
    const entries = inspectZip(zip, limits(), 'x.zip');
    const files = inflateGuarded(zip, entries, limits(), 'x.zip', { include: (e) => e.name.endsWith('.xml') });
    expect([...files.keys()]).toEqual(['a.xml']);
  });

  it('repacks without compression, so the next unzipper inflates nothing', () => {
    const files = new Map([
      ['word/document.xml', strToU8('<w:document/>'.repeat(1000))],
      ['[Content_Types].xml', strToU8('<Types/>')],
    ]);
    const repacked = repackStored(files);
    const entries = readZipDirectory(repacked);
    expect(entries.every((e) => e.method === 0)).toBe(true);
    const again = inflateGuarded(repacked, inspectZip(repacked, limits(), 'r.zip'), limits(), 'r.zip');
    expect(again.get('word/document.xml')).toEqual(files.get('word/document.xml'));
  });

  it('reads ZIP64 archives (end record and extra fields)', () => {
    const zip = buildZip([{ ...deflated('big.xml', strToU8('<x>'.repeat(5000))), zip64: true }, stored('small.txt', 'hi')], { zip64: true });
    const entries = inspectZip(zip, limits(), 'z64.docx');
    expect(entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['big.xml', 15000],
      ['small.txt', 2],
    ]);
    const files = inflateGuarded(zip, entries, limits(), 'z64.docx');
    expect(files.get('big.xml')!.length).toBe(15000);
  });
});

describe('zip bombs', () => {
  it('refuses a central directory that declares more than the limit, before inflating', () => {
    const entry = { ...stored('huge.xml', 'tiny'), size: 4_000_000_000 };
    // Stored with two different sizes would be "corrupt"; as deflated it is a plain declaration.
    const zip = buildZip([{ ...entry, method: 8, data: deflateSync(strToU8('tiny')) }]);
    const error = rejection(() => inspectZip(zip, limits(), 'bomb.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toBe('bomb.docx: the document expands to more than 500 MB — it may be a zip bomb');
  });

  it('refuses a ZIP64 entry declaring 5 GB', () => {
    const zip = buildZip([{ ...deflated('a.xml', strToU8('<a/>')), size: 5 * 1024 ** 3, zip64: true }], { zip64: true });
    expect(rejection(() => inspectZip(zip, limits(), 'z.docx')).code).toBe('too-large');
  });

  it('refuses declared sizes that only add up to more than the limit', () => {
    const parts = Array.from({ length: 4 }, (_, i) => ({ ...deflated(`p${i}.xml`, strToU8('<p/>')), size: 300_000 }));
    const zip = buildZip(parts);
    expect(rejection(() => inspectZip(zip, limits({ maxInflatedBytes: 1_000_000 }), 'sum.docx')).code).toBe('too-large');
    expect(() => inspectZip(zip, limits({ maxInflatedBytes: 1_200_000 }), 'sum.docx')).not.toThrow();
  });

  it('refuses an absurd compression ratio on a large entry', () => {
    const data = new Uint8Array(1000);
    const zip = buildZip([{ name: 'x.xml', data, method: 8, crc: 0, size: 2 * 1024 * 1024 }]);
    const error = rejection(() => inspectZip(zip, limits(), 'ratio.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^ratio\.docx: .*zip bomb$/);
  });

  it('crafts a valid deflate stream for the bombs below', () => {
    const out = inflateSync(zeroBombStream(1000));
    expect(out.length).toBe(1 + 258 * 1000);
    expect(out.every((b) => b === 0)).toBe(true);
  });

  it('stops a lying header while inflating: 1 GiB of zeros declared as 1 KB', () => {
    const repeats = Math.ceil((1024 ** 3 - 1) / 258);
    const stream = zeroBombStream(repeats);
    expect(stream.length).toBeLessThan(8 * 1024 * 1024);
    const zip = buildZip([{ name: 'word/document.xml', data: stream, method: 8, crc: 0, size: 1024 }]);
    // The central directory looks harmless: small size, no absurd ratio.
    const entries = inspectZip(zip, limits(), 'liar.docx');
    const started = performance.now();
    const error = rejection(() => inflateGuarded(zip, entries, limits(), 'liar.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('liar.docx: the document expands to more than');
    // It stopped after the first few megabytes, never inflating the gigabyte.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('stops at the global limit even when the caller skipped inspectZip', () => {
    const stream = zeroBombStream(40_000); // ~10 MB of zeros
    const zip = buildZip([{ name: 'a.xml', data: stream, method: 8, crc: 0, size: 1 + 258 * 40_000 }]);
    const entries = inspectZip(zip, limits(), 'g.docx');
    expect(rejection(() => inflateGuarded(zip, entries, limits({ maxInflatedBytes: 1_000_000 }), 'g.docx')).code).toBe('too-large');
  });

  it('refuses more entries than allowed', () => {
    const files = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.xml`, strToU8('<f/>')]));
    const zip = zipSync(files);
    const error = rejection(() => inspectZip(zip, limits({ maxZipEntries: 10 }), 'many.docx'));
    expect(error.code).toBe('too-large');
    expect(error.message).toContain('many.docx: the document holds 12 files, more than the 10 allowed');
    expect(() => inspectZip(zip, limits({ maxZipEntries: 12 }), 'many.docx')).not.toThrow();
  });
});

describe('broken archives', () => {
  const honest = () => zipSync({ 'a.xml': strToU8('<a>'.repeat(100)), 'b.xml': strToU8('<b>'.repeat(100)) });

  it('calls a truncated zip corrupt', () => {
    const zip = honest();
    for (const cut of [zip.length - 10, Math.floor(zip.length / 2), 10]) {
      const error = rejection(() => inspectZip(zip.subarray(0, cut), limits(), 'cut.docx'));
      expect(error.code).toBe('corrupt');
      expect(error.message).toMatch(/^cut\.docx: /);
    }
  });

  it('calls duplicate entries corrupt (also when they differ only in case)', () => {
    for (const second of ['a.xml', 'A.XML']) {
      const zip = buildZip([stored('a.xml', 'one'), stored(second, 'two')]);
      expect(rejection(() => inspectZip(zip, limits(), 'dup.docx')).code).toBe('corrupt');
    }
  });

  it('calls overlapping entries corrupt', () => {
    const zip = buildZip([stored('a.xml', 'shared data'), { ...stored('b.xml', 'shared data'), localOffsetOverride: 0 }]);
    expect(rejection(() => inspectZip(zip, limits(), 'overlap.docx')).code).toBe('corrupt');
  });

  it('calls a damaged deflate stream or a wrong CRC corrupt', () => {
    const content = strToU8('The quick brown fox. '.repeat(200));
    const good = deflated('a.xml', content);
    const mangled = good.data.slice();
    mangled[Math.floor(mangled.length / 2)]! ^= 0xff;
    for (const zip of [buildZip([{ ...good, data: mangled }]), buildZip([{ ...good, crc: good.crc ^ 1 }])]) {
      const entries = inspectZip(zip, limits(), 'bad.docx');
      expect(rejection(() => inflateGuarded(zip, entries, limits(), 'bad.docx')).code).toBe('corrupt');
    }
  });

  it('calls an entry that inflates to less than declared corrupt', () => {
    const zip = buildZip([{ ...deflated('a.xml', strToU8('short')), size: 500 }]);
    const entries = inspectZip(zip, limits(), 'short.docx');
    expect(rejection(() => inflateGuarded(zip, entries, limits(), 'short.docx')).code).toBe('corrupt');
  });

  it('calls random bytes corrupt', () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24);
    expect(rejection(() => inspectZip(random, limits(), 'noise.docx')).code).toBe('corrupt');
  });

  it('reports password-protected entries as encrypted', () => {
    const zip = buildZip([{ ...stored('a.xml', 'secret'), flags: 0x801 }]);
    expect(rejection(() => inspectZip(zip, limits(), 'locked.docx')).code).toBe('encrypted');
  });
});
