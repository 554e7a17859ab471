import { assertChromium } from './chromium';
import { buildRenderer } from './build-renderer';

/** One renderer build for all journeys; fail at once if there is no browser. */
export default async function setup(): Promise<void> {
  assertChromium();
  await buildRenderer();
}
