import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const POLL = { timeout: 10_000, interval: 50 };

/**
 * What the reader paints with the CSS Highlight API, read off the live page:
 * the visited passage (its text and whether it is on screen) and how many
 * ranges each entity type's mention highlight holds.
 */
export function readHighlights(page: Page) {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights;
    const passage = registry.get('casebook-passage');
    const range = passage ? [...passage][0] : undefined;
    const rect = range?.getBoundingClientRect();
    const mentions: Record<string, string[]> = {};
    for (const [name, ranges] of registry) if (name.startsWith('mention-')) mentions[name] = [...ranges].map((r) => r.toString());
    return {
      passage: range?.toString() ?? null,
      passageOnScreen: !!rect && rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0,
      mentions,
    };
  });
}

export const passage = (page: Page) => ({
  toBe: (text: string) => expect.poll(async () => (await readHighlights(page)).passage, POLL).toBe(text),
  toContain: (text: string) => expect.poll(async () => (await readHighlights(page)).passage ?? '', POLL).toContain(text),
  toBeOnScreen: () => expect.poll(async () => (await readHighlights(page)).passageOnScreen, POLL).toBe(true),
});

/** Selects `text` (its `nth` occurrence) in the reader as a user's drag would, and releases the mouse. */
export async function selectInReader(page: Page, text: string, nth = 0): Promise<void> {
  const found = await page.evaluate(
    ({ text, nth }) => {
      const root = document.querySelector('.source-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let at = data.indexOf(text); at !== -1; at = data.indexOf(text, at + 1)) {
          if (seen++ !== nth) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const selection = window.getSelection()!;
          selection.removeAllRanges();
          selection.addRange(range);
          const r = range.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    { text, nth },
  );
  if (!found) throw new Error(`“${text}” is not in the reader`);
  await page.locator('.source-text').dispatchEvent('mouseup');
}

/** Clicks the middle of the `nth` occurrence of `text` in the reader, where a user would click a name. */
export async function clickInReader(page: Page, text: string, nth = 0): Promise<void> {
  const point = await page.evaluate(
    ({ text, nth }) => {
      const walker = document.createTreeWalker(document.querySelector('.source-text')!, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const data = (node as Text).data;
        for (let at = data.indexOf(text); at !== -1; at = data.indexOf(text, at + 1)) {
          if (seen++ !== nth) continue;
          (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + text.length);
          const r = range.getClientRects()[0]!;
          return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
        }
      }
      return null;
    },
    { text, nth },
  );
  if (!point) throw new Error(`“${text}” is not in the reader`);
  await page.mouse.click(point.x, point.y);
}
