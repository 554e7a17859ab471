import { isAppUrl } from './app-url';

/**
 * Permissions the app's own pages may have; every other one (camera,
 * geolocation, notifications, clipboard read, HID, external protocols…) is
 * refused without asking.
 * - persistent-storage: `navigator.storage.persist()`, so the browser never
 *   evicts the case store under storage pressure.
 * - clipboard-sanitized-write: `navigator.clipboard.writeText()` for "copy
 *   citation"; write-only and sanitized, it cannot read what the user copied.
 */
const GRANTED = new Set(['persistent-storage', 'clipboard-sanitized-write']);

/**
 * Decides both Electron's permission checks and requests. `requestingUrl` is
 * the origin or URL of the asking frame; anything that isn't the app is refused.
 */
export function decidePermission(permission: string, requestingUrl: string | undefined | null): boolean {
  return GRANTED.has(permission) && isAppUrl(requestingUrl);
}
