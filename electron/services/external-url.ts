const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The only fields a mailto: link keeps (RFC 6068 allows any header). Others
 * are how a document turns "write to us" into harm: `attach=`/`attachment=`
 * make some mail clients attach a local file, `bcc=` copies the mail
 * somewhere the user does not see, `from=`/`in-reply-to=` forge context.
 */
const MAILTO_FIELDS = new Set(['to', 'cc', 'subject', 'body']);

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Parses a URL the renderer (or a navigation) wants opened outside the app
 * and returns its normalized form only if it is http(s) or mailto; anything
 * else (file:, javascript:, custom schemes that launch programs) is refused.
 * Web links to this computer or the local network are refused too: a
 * document's link to the router's admin page or a service on localhost is a
 * request forged from inside the user's network, and nothing a journalist
 * reads needs one. A mailto: link keeps only to, cc, subject and body.
 * Main applies this to every address it opens, so a compromised renderer
 * gains nothing by skipping the app's own confirmation.
 */
export function checkExternalUrl(raw: string): ExternalUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, reason: `"${raw.slice(0, 80)}" is not a valid address.` };
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return { ok: false, reason: `Links of type ${url.protocol} are not opened outside Casebook.` };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Links with embedded credentials are not opened.' };
  }
  if (url.protocol === 'mailto:') return { ok: true, url: filterMailto(url) };
  if (!url.hostname) return { ok: false, reason: 'The link has no host.' };
  const local = localNetworkHost(url.hostname);
  if (local) {
    return {
      ok: false,
      reason: `Links to ${local} (${url.hostname.slice(0, 80)}) are not opened from Casebook: a document could use them to reach devices and services that are not on the internet.`,
    };
  }
  return { ok: true, url: url.href };
}

/** The mailto: address with only the fields in MAILTO_FIELDS, each as written (already percent-encoded by the parser). */
function filterMailto(url: URL): string {
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0) return false;
      try {
        return MAILTO_FIELDS.has(decodeURIComponent(pair.slice(0, eq)).toLowerCase());
      } catch {
        return false; // A malformed escape in a field name: not a field we keep.
      }
    });
  return `mailto:${url.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
}

/**
 * What kind of non-internet place `hostname` (as the URL parser normalized
 * it: lower case, IPv4 in dotted decimal whatever its spelling, IPv6 in
 * brackets and compressed hex) names, or null for an ordinary internet host.
 */
export function localNetworkHost(hostname: string): string | null {
  const host = hostname.replace(/\.+$/, '');
  if (host.startsWith('[')) return ipv6Kind(host.slice(1, -1));
  const v4 = parseIpv4(host);
  if (v4) return ipv4Kind(v4);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'this computer';
  if (!host.includes('.')) return 'a local network name';
  if (/\.(?:local|internal|home\.arpa)$/.test(host)) return 'a local network name';
  return null;
}

function parseIpv4(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m ? m.slice(1).map(Number) : null;
}

/** Addresses that are not on the public internet (RFC 6890 and its updates). */
function ipv4Kind([a, b]: number[]): string | null {
  if (a === 127 || a === 0) return 'this computer';
  if (a === 10 || (a === 172 && b! >= 16 && b! <= 31) || (a === 192 && b === 168)) return 'a private network address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 100 && b! >= 64 && b! <= 127) return 'a private network address'; // carrier-grade NAT
  if (a === 198 && (b === 18 || b === 19)) return 'a private network address'; // benchmarking networks
  if (a! >= 224) return 'a multicast or reserved address';
  return null;
}

function ipv6Kind(text: string): string | null {
  const groups = expandIpv6(text);
  if (!groups) return 'an unrecognised address';
  const [g0, , , , , g5, g6, g7] = groups as [number, number, number, number, number, number, number, number];
  const allZeroUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (allZeroUpTo(7) && (g7 === 0 || g7 === 1)) return 'this computer'; // :: and ::1
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
  const embedded = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  if ((allZeroUpTo(5) && (g5 === 0xffff || g5 === 0)) || (g0 === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0))) {
    return ipv4Kind(embedded) ?? null;
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'a private network address'; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0) return 'a link-local address'; // fe80::/10, old site-local fec0::/10
  if ((g0 & 0xff00) === 0xff00) return 'a multicast or reserved address';
  return null;
}

/** The eight 16-bit groups of a compressed hex IPv6 address (the URL parser's output form), or null. */
function expandIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) => (part ? part.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g)) ? groups : null;
}
