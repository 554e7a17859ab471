import { stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME, isAppUrl } from './app-url';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * Maps a `casebook://app/...` URL to a file inside `rootDir`, or null when the
 * URL is not ours or would leave the folder (`..`, encoded separators, NUL).
 * Chromium already normalizes dot segments of standard schemes; this is the
 * check that does not rely on that.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname.endsWith('/')) pathname += 'index.html';
  const root = resolve(rootDir);
  const target = resolve(join(root, pathname));
  const inside = relative(root, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return null;
  return target;
}

// Set explicitly rather than trusting sniffing: module scripts are refused
// unless served as JavaScript, and responses carry `nosniff`.
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  // pdf.js's data, fetched by the reader's page view: CJK CMaps and the standard fonts.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export function contentTypeFor(path: string): string | undefined {
  return CONTENT_TYPES[extname(path).toLowerCase()];
}

export interface AppFileHandlerOptions {
  /** The built renderer folder (dist/renderer). */
  rootDir: string;
  /** Reads a file:// URL; `net.fetch` in Electron, a plain file read in tests. */
  fetchFile: (fileUrl: string) => Promise<Response>;
  isFile?: (path: string) => Promise<boolean>;
}

const isRegularFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  });
}

/**
 * The `casebook://` protocol handler. Serves only files of the built renderer,
 * only to the app itself or to the browser (initiator absent), and stamps every
 * response with the CSP: webRequest's header hooks do not run for custom
 * protocols, so this is where the header policy actually takes effect.
 */
export function createAppFileHandler(options: AppFileHandlerOptions): (request: Request) => Promise<Response> {
  const isFile = options.isFile ?? isRegularFile;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    // Electron sets initiatorOrigin on protocol requests made by web content.
    const initiator = (request as Request & { initiatorOrigin?: string }).initiatorOrigin;
    if (initiator !== undefined && !isAppUrl(initiator)) return plain(403, 'Forbidden');
    const path = resolveAppFile(options.rootDir, request.url);
    if (!path || !(await isFile(path))) return plain(404, 'Not found');

    const file = await options.fetchFile(pathToFileURL(path).href);
    const headers = new Headers(file.headers);
    const type = contentTypeFor(path);
    if (type) headers.set('Content-Type', type);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(request.method === 'HEAD' ? null : file.body, { status: file.status, headers });
  };
}
