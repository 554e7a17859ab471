import type { Session, WebContents } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { decideNavigation, decideRedirect, decideWindowOpen } from './navigation-policy';
import { decidePermission } from './permission-policy';

/**
 * Session-wide rules: the CSP header on anything fetched over http(s) (the
 * app's own casebook:// responses get it from the protocol handler, because
 * webRequest's header hooks don't run for custom protocols), and permissions
 * refused except the few `decidePermission` grants to the app itself.
 */
export function secureSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin),
  );
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission(permission, details.requestingUrl));
  });
  // No HID/serial/USB device is ever granted without a chooser we don't show.
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Per-page rules, applied to every WebContents the app creates: no navigation
 * away from the app, no new windows, no <webview>. Safe links leaving the app
 * go to the system browser through `openExternal` (which is the checked one).
 */
export function secureWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) openExternal(decision.openExternally);
    return { action: decision.action };
  });
  // will-frame-navigate covers the main frame and subframes (will-navigate only the main frame).
  contents.on('will-frame-navigate', (event) => {
    const decision = decideNavigation(event.url, event.isMainFrame);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally) openExternal(decision.openExternally);
  });
  contents.on('will-redirect', (event) => {
    if (!decideRedirect(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
