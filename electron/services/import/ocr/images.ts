/**
 * Image files OCR reads (PNG, JPEG, TIFF), checked from their headers before
 * a decoder sees them: the kind, the size in pixels (so a 100 000 × 100 000
 * "decompression bomb" is refused before anything is allocated), and for a
 * TIFF, its pages.
 */

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export interface ImageInfo {
  kind: ImageKind;
  /** Size of the first (or only) image, in pixels. */
  width: number;
  height: number;
  /** Offsets of each page's image file directory (TIFF); one entry for other kinds. */
  pages: number[];
}

/** Most pages read from one TIFF. */
export const MAX_TIFF_PAGES = 2000;

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

export function imageKind(bytes: Uint8Array): ImageKind | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  return null;
}

/** The kind, size and pages of an image, or null when its header cannot be read (damaged, cut short, or not one of the three). */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  const kind = imageKind(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === 'png') {
      // The IHDR chunk comes first: width and height at 16 and 20.
      if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
      return { kind, width: view.getUint32(16), height: view.getUint32(20), pages: [0] };
    }
    if (kind === 'jpeg') return jpegInfo(bytes, view);
    if (kind === 'tiff') return tiffInfo(view);
  } catch {
    return null; // read past the end: cut short
  }
  return null;
}

function jpegInfo(bytes: Uint8Array, view: DataView): ImageInfo | null {
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    // Start of frame (any coding but DHT, JPG, DAC): height, then width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { kind: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7), pages: [0] };
    }
    if (marker === 0xd9 || length < 2) return null;
    at += 2 + length;
  }
  return null;
}

function tiffInfo(view: DataView): ImageInfo | null {
  const little = view.getUint8(0) === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const pages: number[] = [];
  const seen = new Set<number>();
  let width = 0;
  let height = 0;
  for (let ifd = u32(4); ifd !== 0 && pages.length < MAX_TIFF_PAGES; ) {
    if (seen.has(ifd) || ifd + 2 > view.byteLength) break; // a loop, or past the end
    seen.add(ifd);
    const count = u16(ifd);
    if (ifd + 2 + count * 12 + 4 > view.byteLength) break;
    let w = 0;
    let h = 0;
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      if (tag !== 256 && tag !== 257) continue;
      const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
      if (tag === 256) w = value;
      else h = value;
    }
    if (pages.length === 0) {
      width = w;
      height = h;
    }
    pages.push(ifd);
    width = Math.max(width, w);
    height = Math.max(height, h);
    ifd = u32(ifd + 2 + count * 12);
  }
  return pages.length ? { kind: 'tiff', width, height, pages } : null;
}

/**
 * One page of a multi-page TIFF as a TIFF of its own: the same bytes with
 * the header pointing at that page's directory (every offset in a TIFF is
 * from the start of the file, so nothing else moves). Decoders read the
 * first directory only.
 */
export function tiffPage(bytes: Uint8Array, info: ImageInfo, page: number): Uint8Array {
  if (page === 0) return bytes;
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(4, info.pages[page]!, copy[0] === 0x49);
  return copy;
}
