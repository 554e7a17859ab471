import { checkExternalUrl } from '../services/external-url';
import { isAppUrl } from './app-url';

export type NavigationDecision = { allow: true } | { allow: false; openExternally: string | null };

/**
 * A frame may only navigate within the app. A main-frame navigation to a safe
 * link (http(s)/mailto) is what a click on a plain link in a note looks like,
 * so that one goes to the system browser instead; anything else is dropped.
 */
export function decideNavigation(url: string, isMainFrame: boolean): NavigationDecision {
  if (isAppUrl(url)) return { allow: true };
  const external = checkExternalUrl(url);
  return { allow: false, openExternally: isMainFrame && external.ok ? external.url : null };
}

/** Server redirects are never the user's intent: only redirects inside the app go ahead. */
export function decideRedirect(url: string): boolean {
  return isAppUrl(url);
}

/**
 * The app never opens a second window; a `target=_blank` link or
 * `window.open` to a safe address opens in the system browser.
 */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: string | null } {
  const external = checkExternalUrl(url);
  return { action: 'deny', openExternally: external.ok ? external.url : null };
}
