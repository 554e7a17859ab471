import { expect } from 'vitest';
import type { Locator } from 'playwright-core';

const DEFAULT_POLL = { timeout: 10_000, interval: 50 };

/**
 * Retrying assertions on the live page, in the spirit of Playwright Test's
 * web-first matchers, built on Vitest's `expect.poll` so the journeys run
 * under the same runner as the unit tests. Work that takes real time (an
 * import) passes a longer `timeout`.
 */
export function ui(locator: Locator, options: { timeout?: number } = {}) {
  const POLL = { timeout: options.timeout ?? DEFAULT_POLL.timeout, interval: DEFAULT_POLL.interval };
  const text = () => locator.innerText({ timeout: POLL.timeout }).then((s) => s.replace(/\s+/g, ' ').trim());
  return {
    toHaveText: (expected: string) => expect.poll(text, POLL).toBe(expected),
    toContainText: (expected: string) => expect.poll(text, POLL).toContain(expected),
    toHaveValue: (expected: string) => expect.poll(() => locator.inputValue({ timeout: POLL.timeout }), POLL).toBe(expected),
    toHaveCount: (expected: number) => expect.poll(() => locator.count(), POLL).toBe(expected),
    toHaveAttribute: (name: string, expected: string) =>
      expect.poll(() => locator.getAttribute(name, { timeout: POLL.timeout }), POLL).toBe(expected),
    toBeVisible: () => locator.waitFor({ state: 'visible', timeout: POLL.timeout }),
    toBeInViewport: () =>
      expect
        .poll(
          () =>
            locator.evaluate((el) => {
              const r = el.getBoundingClientRect();
              return r.bottom > 0 && r.top < window.innerHeight && r.width > 0;
            }),
          POLL,
        )
        .toBe(true),
  };
}
