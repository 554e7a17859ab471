/**
 * Only frames loaded from our own app (the `casebook://app` protocol in
 * Electron, the harness's local server in tests) may call main. Compares
 * scheme and host rather than `origin`, which is "null" for custom schemes.
 */
export function isTrustedSender(senderUrl: string | undefined, trusted: readonly string[]): boolean {
  if (!senderUrl) return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  return trusted.some((base) => {
    const allowed = new URL(base);
    return url.protocol === allowed.protocol && url.host === allowed.host;
  });
}
