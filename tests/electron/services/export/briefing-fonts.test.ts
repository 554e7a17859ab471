import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { briefingFontCss, parseFontFaces } from '../../../../electron/services/export/briefing-fonts';

const require = createRequire(import.meta.url);
const readPackageFile = async (modulePath: string) => new Uint8Array(readFileSync(require.resolve(modulePath)));

const families = (css: string) => [...new Set([...css.matchAll(/font-family:'([^']+)'/g)].map((m) => m[1]))];
const faceCount = (css: string, family: string) => css.split('\n').filter((rule) => rule.includes(`font-family:'${family}'`)).length;

describe('briefingFontCss', () => {
  it('parses fontsource stylesheets into faces with woff2 files and unicode ranges', () => {
    const css = readFileSync(require.resolve('@fontsource/source-serif-4/400.css'), 'utf8');
    const faces = parseFontFaces(css, '@fontsource/source-serif-4/400.css');
    expect(faces.length).toBeGreaterThan(3);
    expect(faces[0]).toMatchObject({ family: 'Source Serif 4', style: 'normal', weight: '400', format: 'woff2' });
    expect(faces.every((f) => f.file.startsWith('@fontsource/source-serif-4/files/') && f.file.endsWith('.woff2'))).toBe(true);
    expect(faces.find((f) => f.file.includes('-latin-400'))?.ranges[0]).toEqual([0, 0xff]);
  });

  it('inlines only the slices an English text needs: no CJK slices, every file as a data: URL', async () => {
    const css = await briefingFontCss('A plain English briefing.', readPackageFile);
    expect(families(css)).toEqual(['Source Serif 4', 'Noto Sans SC']);
    expect(css).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
    expect(css).toContain('font-display:block');
    // The latin slice of each style and weight, nothing more: Noto Sans SC's Chinese slices also
    // list some ASCII, but the latin slice, declared after them, is the one Chromium would use.
    expect(faceCount(css, 'Source Serif 4')).toBe(4);
    expect(faceCount(css, 'Noto Sans SC')).toBe(3);
    expect(css.length).toBeLessThan(400_000);
  });

  it('adds the Noto Sans SC slices holding the Chinese characters used', async () => {
    const english = await briefingFontCss('Wuhan', readPackageFile);
    const chinese = await briefingFontCss('Wuhan 武汉', readPackageFile);
    expect(faceCount(chinese, 'Noto Sans SC')).toBeGreaterThan(faceCount(english, 'Noto Sans SC'));
    const ranges = chinese.split('\n').filter((r) => r.includes("'Noto Sans SC'")).map((r) => /unicode-range:([^;]+);/.exec(r)![1]!);
    const covers = (cp: number) => ranges.some((range) => range.split(',').some((part) => { const [a, b] = part.replace('U+', '').split('-').map((h) => parseInt(h, 16)); return cp >= a! && cp <= (b ?? a)!; }));
    expect(covers('武'.codePointAt(0)!)).toBe(true);
    expect(covers('汉'.codePointAt(0)!)).toBe(true);
    // Curly quotes and dashes are never Noto Sans SC's: it draws them full-width.
    expect(covers(0x2019)).toBe(false);
    expect(covers(0x2014)).toBe(false);
  });

  it('can be limited to some families (the page templates)', async () => {
    const css = await briefingFontCss('CONFIDENTIAL — DRAFT Page of', readPackageFile, ['Noto Sans SC']);
    expect(families(css)).toEqual(['Noto Sans SC']);
  });
});
