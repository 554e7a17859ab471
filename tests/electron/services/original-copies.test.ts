import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyName, createOriginalCopies, OriginalCopyError } from '../../../electron/services/original-copies';
import { createOriginalsStore } from '../../../electron/services/originals';
import { makeDocx } from '../../fixtures/make-docx';

/**
 * Copies of originals handed to the system's apps: the name is the user's,
 * made safe, and the extension follows what the bytes are, never the name
 * the renderer sends (a text file called run.bat must not be run).
 */

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const text = (s: string) => new TextEncoder().encode(s);
// The first bytes of each picture kind; detectFormat goes by these magic numbers.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const TIFF_LE = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]);
const TIFF_BE = new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]);
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

describe('copyName', () => {
  it('keeps the imported name when its extension matches the bytes', () => {
    expect(copyName('Shipping memo.docx', 'docx')).toBe('Shipping memo.docx');
    expect(copyName('tip.txt', 'text')).toBe('tip.txt');
    expect(copyName('page.htm', 'html')).toBe('page.htm');
    expect(copyName('Report.PDF', 'pdf')).toBe('Report.PDF');
  });

  it('adds the extension the bytes call for when the name has another or none', () => {
    expect(copyName('run.bat', 'text')).toBe('run.bat.txt');
    expect(copyName('invoice.pdf.exe', 'pdf')).toBe('invoice.pdf.exe.pdf');
    expect(copyName('Court filing', 'pdf')).toBe('Court filing.pdf');
    expect(copyName('notes.docm', 'docx')).toBe('notes.docm.docx');
  });

  it('gives each picture kind its own extension', () => {
    expect(copyName('scan.png', 'png')).toBe('scan.png');
    expect(copyName('scan.jpg', 'png')).toBe('scan.jpg.png');
    expect(copyName('photo.jpeg', 'jpeg')).toBe('photo.jpeg');
    expect(copyName('photo.JPG', 'jpeg')).toBe('photo.JPG');
    expect(copyName('photo', 'jpeg')).toBe('photo.jpg');
    expect(copyName('fax.tiff', 'tiff')).toBe('fax.tiff');
    expect(copyName('fax', 'tiff')).toBe('fax.tif');
  });

  it('keeps only the last path segment and drops characters no system accepts', () => {
    expect(copyName('../../etc/passwd', 'text')).toBe('passwd.txt');
    expect(copyName('C:\\Users\\x\\memo.docx', 'docx')).toBe('memo.docx');
    expect(copyName('a:b*c?"d"<e>|f.txt', 'text')).toBe('a b c d e f.txt');
    expect(copyName('line\nbreak\u0000.txt', 'text')).toBe('line break .txt');
    expect(copyName('...hidden.txt', 'text')).toBe('hidden.txt');
    expect(copyName('trailing. . ', 'text')).toBe('trailing.txt');
  });

  it('renames Windows device names and empty names', () => {
    expect(copyName('CON.txt', 'text')).toBe('original CON.txt');
    expect(copyName('nul', 'pdf')).toBe('original nul.pdf');
    expect(copyName('com1.tar.txt', 'text')).toBe('original com1.tar.txt');
    expect(copyName('lpt9', 'text')).toBe('original lpt9.txt');
    expect(copyName('', 'pdf')).toBe('original.pdf');
    expect(copyName('///', 'text')).toBe('original.txt');
    expect(copyName('.pdf', 'pdf')).toBe('pdf.pdf');
    // Not reserved: only the whole first part of the name counts.
    expect(copyName('console.txt', 'text')).toBe('console.txt');
  });

  it('keeps names short enough for every file system', () => {
    const name = copyName(`${'x'.repeat(400)}.pdf`, 'pdf');
    expect(name.length).toBeLessThanOrEqual(155);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('original copies', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebook-copies-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const setUp = () => {
    const originals = createOriginalsStore(join(dir, 'data'));
    const copies = createOriginalCopies({ originals, dir: () => join(dir, 'open') });
    const keep = async (bytes: Uint8Array) => {
      await originals.putBytes(sha(bytes), bytes);
      return sha(bytes);
    };
    return { copies, keep };
  };

  it('writes a read-only copy under the sha256, named as imported, with the same bytes', async () => {
    const { copies, keep } = setUp();
    const bytes = text('Tip from the broker\n');
    const hash = await keep(bytes);
    const path = await copies.copyOf(hash, 'tip.txt');
    expect(path).toBe(join(dir, 'open', hash, 'tip.txt'));
    expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    expect((await stat(path)).mode & 0o222).toBe(0);
    // Nothing half-written is left beside it.
    expect(await readdir(dirname(path))).toEqual(['tip.txt']);
  });

  it('chooses the extension from the bytes, not the name', async () => {
    const { copies, keep } = setUp();
    expect(basename(await copies.copyOf(await keep(text('echo hi\n')), 'run.bat'))).toBe('run.bat.txt');
    const docx = await makeDocx({ title: 'Memo', body: [{ paragraph: 'Forty drums.' }] });
    expect(basename(await copies.copyOf(await keep(docx), 'memo'))).toBe('memo.docx');
    expect(basename(await copies.copyOf(await keep(text('%PDF-1.7\n%%EOF\n')), 'filing.doc'))).toBe('filing.doc.pdf');
  });

  it('tells PNG, JPEG and TIFF pictures apart by their bytes', async () => {
    const { copies, keep } = setUp();
    expect(basename(await copies.copyOf(await keep(PNG), 'scan.jpg'))).toBe('scan.jpg.png');
    expect(basename(await copies.copyOf(await keep(JPEG), 'scan.png'))).toBe('scan.png.jpg');
    expect(basename(await copies.copyOf(await keep(JPEG), 'photo.jpeg'))).toBe('photo.jpeg');
    expect(basename(await copies.copyOf(await keep(TIFF_LE), 'fax'))).toBe('fax.tif');
    expect(basename(await copies.copyOf(await keep(TIFF_BE), 'fax.png'))).toBe('fax.png.tif');
  });

  it('reuses a copy already there, and replaces one of the wrong size', async () => {
    const { copies, keep } = setUp();
    const bytes = text('same text\n');
    const hash = await keep(bytes);
    const first = await copies.copyOf(hash, 'a.txt');
    const before = (await stat(first)).mtimeMs;
    expect(await copies.copyOf(hash, 'a.txt')).toBe(first);
    expect((await stat(first)).mtimeMs).toBe(before);
    // A truncated copy (a crash while an app held it, a user's edit) is written again.
    await rm(first, { force: true });
    await writeFile(first, 'same');
    expect(new Uint8Array(await readFile(await copies.copyOf(hash, 'a.txt')))).toEqual(bytes);
    expect((await stat(first)).mode & 0o222).toBe(0);
  });

  it('refuses an original the store does not keep, with a typed error, and writes nothing', async () => {
    const { copies } = setUp();
    const error = await copies.copyOf('b'.repeat(64), 'gone.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OriginalCopyError);
    expect((error as OriginalCopyError).code).toBe('missing');
    expect((error as OriginalCopyError).message).toMatch(/does not keep the original/);
    await expect(stat(join(dir, 'open'))).rejects.toThrow();
  });

  it('refuses bytes that are no document (a program), with a typed error, and writes nothing', async () => {
    const { copies, keep } = setUp();
    const hash = await keep(ELF);
    const error = await copies.copyOf(hash, 'report.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OriginalCopyError);
    expect((error as OriginalCopyError).code).toBe('unsupported');
    await expect(stat(join(dir, 'open', hash))).rejects.toThrow();
  });
});
