/**
 * The briefing's fonts, inlined: `@font-face` rules whose files are `data:`
 * URLs, read from the bundled @fontsource packages through an injected
 * reader. The printing window has no network, and a PDF must look the same
 * on every machine, so nothing is fetched and nothing is left to system fonts.
 *
 * Fontsource splits each font into unicode-range slices (Noto Sans SC into
 * about a hundred per weight). Only the slices holding a character the
 * document uses are inlined, so a briefing with three Chinese names carries
 * a few slices, not 20 MB of CJK; Chromium then embeds only the glyphs used.
 */

/** Reads a file of an installed package by its module path, e.g. `@fontsource/noto-sans-sc/400.css`. */
export type ReadPackageFile = (modulePath: string) => Promise<Uint8Array>;

interface FontPackage {
  family: string;
  /** Stylesheets of the package, by module path. */
  stylesheets: string[];
  /** Families earlier in the stacks: characters they cover are not needed from this one. */
  fallbackFor: string[];
  /** Characters this family must not draw, left to the next family in the stack. */
  exclude?: [number, number][];
}

/**
 * Noto Sans SC draws curly quotes, dashes and the ellipsis full-width, as
 * Chinese typesetting wants ("Wenbin’ s"), and fontsource's subsets drop the
 * OpenType features that would narrow them. In an English briefing those
 * few characters come from Source Serif 4, next in the sans stack.
 */
const FULL_WIDTH_PUNCTUATION: [number, number][] = [
  [0x2013, 0x2015],
  [0x2018, 0x201f],
  [0x2026, 0x2026],
];

/** The families print-css.ts names, with the weights and styles it uses. */
const FONT_PACKAGES: FontPackage[] = [
  {
    family: 'Source Serif 4',
    stylesheets: ['400.css', '400-italic.css', '600.css', '600-italic.css'].map((f) => `@fontsource/source-serif-4/${f}`),
    fallbackFor: [],
  },
  { family: 'Noto Serif', stylesheets: ['@fontsource/noto-serif/400.css', '@fontsource/noto-serif/400-italic.css', '@fontsource/noto-serif/600.css'], fallbackFor: ['Source Serif 4'] },
  // Headings and labels use its Latin; body text falls back to it for Chinese.
  { family: 'Noto Sans SC', stylesheets: ['400', '600', '700'].map((w) => `@fontsource/noto-sans-sc/${w}.css`), fallbackFor: [], exclude: FULL_WIDTH_PUNCTUATION },
];

/**
 * Characters printed that are not in the HTML source as themselves: ordered
 * list numbers, quotation marks from CSS `quotes`, the ellipsis of a cut
 * header. (Chromium draws bullets as shapes, not glyphs.)
 */
const ALWAYS_NEEDED = ' 0123456789.,;:()[]-–—“”‘’…•';

interface FontFace {
  family: string;
  style: string;
  weight: string;
  /** Module path of the woff2 file. */
  file: string;
  format: string;
  ranges: [number, number][];
}

/**
 * `@font-face` rules for the characters of `text` (the composed HTML, or the
 * page templates), from all the briefing's families or only those named.
 */
export async function briefingFontCss(text: string, readPackageFile: ReadPackageFile, families?: readonly string[]): Promise<string> {
  const used = codePoints(text + ALWAYS_NEEDED);
  const decoder = new TextDecoder();
  const chosen: FontFace[] = [];
  const coveredByFamily = new Map<string, [number, number][]>();

  for (const pkg of FONT_PACKAGES.filter((p) => !families || families.includes(p.family))) {
    const faces = (await Promise.all(pkg.stylesheets.map(async (path) => parseFontFaces(decoder.decode(await readPackageFile(path)), path))))
      .flat()
      .map((face) => ({ ...face, ranges: subtractRanges(face.ranges, pkg.exclude ?? []) }))
      .filter((face) => face.ranges.length > 0);
    coveredByFamily.set(pkg.family, faces.flatMap((f) => f.ranges));
    const earlier = pkg.fallbackFor.flatMap((family) => coveredByFamily.get(family) ?? []);
    const needed = used.filter((cp) => !inRanges(cp, earlier));
    chosen.push(...facesUsedFor(needed, faces));
  }

  const rules = await Promise.all(
    chosen.map(async (face) => {
      const data = Buffer.from(await readPackageFile(face.file)).toString('base64');
      const range = face.ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
      // `block`, not fontsource's `swap`: a print must never catch a fallback font mid-load.
      return (
        `@font-face{font-family:'${face.family}';font-style:${face.style};font-weight:${face.weight};font-display:block;` +
        `src:url(data:font/woff2;base64,${data}) format('${face.format}');unicode-range:${range};}`
      );
    }),
  );
  return rules.join('\n');
}

/** The `@font-face` blocks of a fontsource stylesheet; `url()`s resolved against the stylesheet's module path. */
export function parseFontFaces(css: string, stylesheetPath: string): FontFace[] {
  const base = stylesheetPath.slice(0, stylesheetPath.lastIndexOf('/') + 1);
  const faces: FontFace[] = [];
  for (const [, body = ''] of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const prop = (name: string) => new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim();
    const src = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)\s*format\(\s*['"]([^'"]+)['"]\s*\)/.exec(body);
    const family = prop('font-family')?.replace(/^['"]|['"]$/g, '');
    if (!src || !family) continue;
    faces.push({
      family,
      style: prop('font-style') ?? 'normal',
      weight: prop('font-weight') ?? '400',
      file: normalizePath(base + src[1]!),
      format: src[2]!,
      ranges: parseUnicodeRange(prop('unicode-range') ?? 'U+0-10FFFF'),
    });
  }
  return faces;
}

/**
 * The faces Chromium would draw these characters with. Fontsource's slices
 * overlap (Noto Sans SC's Chinese slices also list some ASCII), and where
 * faces of one family, style and weight overlap the last declared wins (CSS
 * Fonts 4, "unicode-range"), so only that one is needed: a face nothing would
 * be drawn with is never inlined.
 */
function facesUsedFor(needed: readonly number[], faces: readonly FontFace[]): FontFace[] {
  const used = new Set<FontFace>();
  const groups = new Map<string, FontFace[]>();
  for (const face of faces) {
    const key = `${face.family}|${face.style}|${face.weight}`;
    groups.set(key, [...(groups.get(key) ?? []), face]);
  }
  for (const group of groups.values()) {
    for (const cp of needed) {
      for (let i = group.length - 1; i >= 0; i--) {
        if (inRanges(cp, group[i]!.ranges)) {
          used.add(group[i]!);
          break;
        }
      }
    }
  }
  return faces.filter((face) => used.has(face));
}

function parseUnicodeRange(value: string): [number, number][] {
  return value.split(',').flatMap((part): [number, number][] => {
    const m = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!m) return [];
    if (m[1]!.includes('?')) return [[parseInt(m[1]!.replace(/\?/g, '0'), 16), parseInt(m[1]!.replace(/\?/g, 'F'), 16)]];
    const start = parseInt(m[1]!, 16);
    return [[start, m[2] ? parseInt(m[2], 16) : start]];
  });
}

function subtractRanges(ranges: readonly [number, number][], removed: readonly [number, number][]): [number, number][] {
  let out = [...ranges];
  for (const [ra, rb] of removed) {
    out = out.flatMap(([a, b]): [number, number][] => {
      if (rb < a || ra > b) return [[a, b]];
      const kept: [number, number][] = [];
      if (a < ra) kept.push([a, ra - 1]);
      if (b > rb) kept.push([rb + 1, b]);
      return kept;
    });
  }
  return out;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function codePoints(text: string): number[] {
  const set = new Set<number>();
  for (const ch of text) set.add(ch.codePointAt(0)!);
  return [...set];
}

function inRanges(cp: number, ranges: readonly [number, number][]): boolean {
  return ranges.some(([a, b]) => cp >= a && cp <= b);
}

const hex = (n: number) => n.toString(16).toUpperCase();
