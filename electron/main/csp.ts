/**
 * The one Content-Security-Policy for the renderer. Main sends it as a
 * response header; the renderer's index.html carries the same string in a
 * meta tag (where `frame-ancestors` is ignored, which is why the header matters).
 * 'unsafe-inline' styles are needed by the editor's inline style attributes;
 * scripts stay 'self' only. blob: workers are for the linker and search workers.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * Returns response headers with our policy in place of any the response
 * brought. Header names are case-insensitive, so a server's
 * `content-security-policy` must not survive beside ours and loosen nothing.
 */
export function withContentSecurityPolicy<V>(
  headers: Record<string, V> | undefined,
  policy: string = CONTENT_SECURITY_POLICY,
): Record<string, V | string[]> {
  const result: Record<string, V | string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
