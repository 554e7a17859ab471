import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppFileHandler, contentTypeFor, resolveAppFile } from '../../../electron/main/app-files';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'casebook-files-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Casebook</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(root, 'assets', 'a b.css'), 'body{}');
  await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
  await writeFile(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

// Stands in for net.fetch of a file:// URL: reads the real file.
const fetchFile = async (fileUrl: string) => new Response(await readFile(fileURLToPath(fileUrl)));
const handler = () => createAppFileHandler({ rootDir: root, fetchFile });

describe('resolveAppFile', () => {
  it('maps app URLs to files in the folder', () => {
    expect(resolveAppFile(root, 'casebook://app/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'casebook://app/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'casebook://app')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'casebook://app/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
    expect(resolveAppFile(root, 'casebook://app/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
  });

  it.each([
    'casebook://app/..%2fsecret.txt',
    'casebook://app/..%2Fsecret.txt',
    'casebook://app/assets/..%2f..%2fsecret.txt',
    'casebook://app/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'casebook://app/..%2frenderer-evil.txt',
  ])('refuses %s, whose encoded separators climb out of the folder', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });

  it.each([
    // The URL parser removes plain and %2e dot segments before we see the path.
    ['casebook://app/../secret.txt', ['secret.txt']],
    ['casebook://app/%2e%2e/secret.txt', ['secret.txt']],
    // A leading encoded slash is still a path under the folder, not the disk root.
    ['casebook://app/%2fetc%2fpasswd', ['etc', 'passwd']],
  ])('keeps %s inside the folder', (url, parts) => {
    expect(resolveAppFile(root, url)).toBe(join(root, ...parts));
  });

  it('treats an encoded backslash as a separator only where the OS does, and never leaves the folder', () => {
    const resolved = resolveAppFile(root, 'casebook://app/..%5csecret.txt');
    if (sep === '\\') expect(resolved).toBeNull();
    else expect(resolved).toBe(join(root, '..\\secret.txt'));
  });

  it.each([
    ['another host', 'casebook://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a NUL byte', 'casebook://app/index.html%00.png'],
    ['malformed escapes', 'casebook://app/%E0%A4%A'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('names the types module scripts, styles and fonts need', () => {
    expect(contentTypeFor('x/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('x/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('x/pdf.wasm')).toBe('application/wasm');
    expect(contentTypeFor('x/unknown.bin')).toBeUndefined();
  });
});

describe('createAppFileHandler', () => {
  it('serves index.html with the CSP, its type and nosniff', async () => {
    const response = await handler()(new Request('casebook://app/index.html'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Casebook</title>');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves scripts as JavaScript and binary files byte for byte', async () => {
    const script = await handler()(new Request('casebook://app/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    const font = await handler()(new Request('casebook://app/assets/font.woff2'));
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('answers 404, with the CSP, for a file outside the folder', async () => {
    const response = await handler()(new Request('casebook://app/..%2fsecret.txt'));
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await handler()(new Request('casebook://app/nope.js'))).status).toBe(404);
    expect((await handler()(new Request('casebook://app/assets'))).status).toBe(404);
  });

  it('serves index.html for the root, as dot segments normalize to it', async () => {
    expect((await handler()(new Request('casebook://app/assets/..'))).status).toBe(200);
  });

  it('answers 404 for another host of the scheme', async () => {
    expect((await handler()(new Request('casebook://evil/index.html'))).status).toBe(404);
  });

  it('refuses requests made by any other origin', async () => {
    const fromElsewhere = Object.assign(new Request('casebook://app/index.html'), {
      initiatorOrigin: 'https://evil.example',
    });
    expect((await handler()(fromElsewhere)).status).toBe(403);
    const opaque = Object.assign(new Request('casebook://app/index.html'), { initiatorOrigin: 'null' });
    expect((await handler()(opaque)).status).toBe(403);
    const fromApp = Object.assign(new Request('casebook://app/assets/index-abc.js'), {
      initiatorOrigin: 'casebook://app',
    });
    expect((await handler()(fromApp)).status).toBe(200);
  });

  it('answers only GET and HEAD', async () => {
    const post = await handler()(new Request('casebook://app/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    const head = await handler()(new Request('casebook://app/index.html', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
