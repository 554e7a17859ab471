import { existsSync } from 'node:fs';

/** Debian's Chromium; the journeys fail (never skip) without it. */
export const CHROMIUM_PATH = process.env.CASEBOOK_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a headless run on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CASEBOOK_CHROMIUM; the end-to-end journeys need a real browser.`,
    );
  }
}
