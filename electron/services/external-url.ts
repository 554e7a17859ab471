const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Parses a URL the renderer wants opened outside the app and returns its
 * normalized form only if it is http(s) or mailto; anything else (file:,
 * javascript:, custom schemes that launch programs) is refused.
 */
export function checkExternalUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: `"${raw.slice(0, 80)}" is not a valid address.` };
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return { ok: false, reason: `Links of type ${url.protocol} are not opened outside Casebook.` };
  }
  if (url.protocol !== 'mailto:' && !url.hostname) {
    return { ok: false, reason: 'The link has no host.' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Links with embedded credentials are not opened.' };
  }
  return { ok: true, url: url.href };
}
