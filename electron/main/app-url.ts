/**
 * Where the app lives. The renderer is served from a privileged custom scheme
 * rather than file:// so it has a real, stable origin: IndexedDB (the Dexie
 * store) is keyed by origin, and file:// origins are opaque and shared.
 */
export const APP_SCHEME = 'casebook';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True for URLs on the app's own origin, in either form Electron hands us: a
 * full URL (navigation, sender frame) or a bare origin (permission checks).
 */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  // Node's parser keeps the host's case for non-special schemes; Chromium lowercases it.
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host.toLowerCase() === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
