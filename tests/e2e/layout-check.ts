import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * What a journey measures of the page as drawn: nothing wider or taller
 * than the window, no box cutting off its content, and no serious or
 * critical finding by axe-core. Each returns a list of problems, empty when
 * all is well, so a failure says which element and by how much.
 */

/**
 * Every visible element, clipped by the ancestors that clip it, must lie
 * inside the viewport; a box that clips horizontally (overflow other than
 * visible) must not hold content wider than itself, unless it ends its text
 * with an ellipsis or is a form field (both show that there is more).
 * Vertical scrolling inside panes is how long content is read, so it is not
 * a problem; horizontal scrolling is, except where a wide thing is meant to
 * scroll (a table in a source, preformatted text).
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const W = window.innerWidth;
    const H = window.innerHeight;
    const describe = (el: Element) => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const label = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 30);
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls}> “${label}”`;
    };
    const root = document.documentElement;
    if (root.scrollWidth > W + 1) problems.push(`the page is ${root.scrollWidth}px wide in a ${W}px window`);
    if (root.scrollHeight > H + 1) problems.push(`the page is ${root.scrollHeight}px tall in a ${H}px window`);
    const scrollsOnPurpose = (el: Element) => el.matches('input, textarea, select, pre, .source-html table, iframe, [data-scrolls-x]');
    for (const el of document.querySelectorAll('body *')) {
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || style.display === 'contents') continue;
      // Off-screen until focused, on purpose.
      if (el.matches('.skip-link:not(:focus), .sr-only')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let { left, right, top, bottom } = r;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        const ar = a.getBoundingClientRect();
        if (s.overflowX !== 'visible') {
          left = Math.max(left, ar.left);
          right = Math.min(right, ar.right);
        }
        if (s.overflowY !== 'visible') {
          top = Math.max(top, ar.top);
          bottom = Math.min(bottom, ar.bottom);
        }
        if (s.position === 'fixed') break;
      }
      if (right - left < 1 || bottom - top < 1) continue; // scrolled out of its pane, or clipped away
      if (left < -1 || right > W + 1 || top < -1 || bottom > H + 1) {
        problems.push(`${describe(el)} reaches ${Math.round(left)}…${Math.round(right)} × ${Math.round(top)}…${Math.round(bottom)} in a ${W}×${H} window`);
      }
      const clips = style.overflowX !== 'visible';
      if (clips && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis' && !scrollsOnPurpose(el)) {
        problems.push(`${describe(el)} cuts off its content: ${el.scrollWidth}px in ${el.clientWidth}px`);
      }
    }
    return [...new Set(problems)];
  });
}

/** The note title's width and whether its text fits (an input never wraps: it must be roomy, or say the rest in a tooltip). */
export function noteTitleBox(page: Page): Promise<{ width: number; fits: boolean; tooltip: string | null }> {
  return page.locator('.note-title').evaluate((el) => {
    const input = el as HTMLInputElement;
    return { width: input.getBoundingClientRect().width, fits: input.scrollWidth <= input.clientWidth + 1, tooltip: input.getAttribute('title') };
  });
}

const requireHere = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(requireHere.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * axe-core's serious and critical findings on the page as it is now (WCAG
 * 2.1 A and AA, and best practices). axe is evaluated through the DevTools
 * protocol, which the page's CSP does not govern (no script tag is added).
 */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Result[] }> } }).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim()}`) }));
  });
}

/** Contrast ratio of two sRGB colours (WCAG 2.x relative luminance). */
export function contrastRatio(a: [number, number, number], b: [number, number, number]): number {
  const lum = (c: [number, number, number]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The colours the reader paints with the CSS Highlight API (mentions by
 * type, the visited passage), which axe cannot see: each background token,
 * resolved by the page's own stylesheet and laid over the reader's page
 * colour, against the reader's text colour. Returns each pair's contrast.
 */
export async function readerHighlightContrast(page: Page): Promise<Record<string, number>> {
  const colours = await page.evaluate(() => {
    const probe = document.createElement('div');
    document.querySelector('.source-text, .main-pane')!.append(probe);
    const rgba = (css: string) => {
      probe.style.backgroundColor = css;
      const c = getComputedStyle(probe).backgroundColor;
      // Chromium resolves color-mix() to `color(srgb r g b / a)` (0–1) or rgb()/rgba() (0–255).
      const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)/.exec(c);
      if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
      const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(c);
      if (!rgb) throw new Error(`unreadable colour ${c}`);
      return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
    };
    const text = getComputedStyle(probe).color;
    const ink = rgba(text);
    const page = rgba('var(--page)');
    const tokens = ['--mark', ...['person', 'organization', 'company', 'publicbody', 'place', 'event', 'substance', 'figure'].map((t) => `--hl-${t}`)];
    const backgrounds = Object.fromEntries(tokens.map((t) => [t, rgba(`var(${t})`)]));
    probe.remove();
    return { ink, page, backgrounds };
  });
  const over = (fg: number[], bg: number[]): [number, number, number] => {
    const a = fg[3] ?? 1;
    return [0, 1, 2].map((i) => fg[i]! * a + bg[i]! * (1 - a)) as [number, number, number];
  };
  const ink = colours.ink.slice(0, 3) as [number, number, number];
  return Object.fromEntries(Object.entries(colours.backgrounds).map(([token, bg]) => [token, contrastRatio(ink, over(bg, colours.page))]));
}

/** Mouse and pointer events the page received: a keyboard-only journey must have none (a key's click on a button has detail 0 and is not counted). */
export async function watchMouse(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __mouseEvents: string[] }).__mouseEvents = seen;
    for (const type of ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'dblclick', 'wheel', 'contextmenu']) {
      window.addEventListener(type, (e) => seen.push(`${type} on ${(e.target as Element)?.tagName ?? '?'}`), { capture: true });
    }
    window.addEventListener('click', (e) => e.detail > 0 && seen.push(`click on ${(e.target as Element)?.tagName ?? '?'}`), { capture: true });
  });
  return () => page.evaluate(() => [...(window as unknown as { __mouseEvents: string[] }).__mouseEvents]);
}
