import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseToUnicode } from '../../../../electron/services/export/pdf-cmap';
import { openPdf } from '../../../../electron/services/export/pdf-file';
import { contentOps } from '../../../../electron/services/export/pdf-content';
import { latin1, PdfLexer, PdfName, PdfRef, PdfString, PdfSyntaxError } from '../../../../electron/services/export/pdf-syntax';

/**
 * The small PDF reader and incremental writer the briefing's contents
 * numbering uses. The files are written here byte by byte (offsets computed),
 * and poppler reads the results as any reader would.
 */

const dir = mkdtempSync(join(tmpdir(), 'casebook-pdf-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enc = new TextEncoder();

/** A PDF of these objects (1-based, in order) with a classic cross-reference table. */
function pdfOf(objects: (string | { dict: string; data: Uint8Array })[], trailer: string): Uint8Array {
  const parts: Uint8Array[] = [enc.encode('%PDF-1.7\n')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (p: Uint8Array) => {
    parts.push(p);
    length += p.length;
  };
  objects.forEach((o, i) => {
    offsets.push(length);
    if (typeof o === 'string') push(enc.encode(`${i + 1} 0 obj\n${o}\nendobj\n`));
    else {
      push(enc.encode(`${i + 1} 0 obj\n${o.dict.replace('LENGTH', String(o.data.length))}\nstream\n`));
      push(o.data);
      push(enc.encode('\nendstream\nendobj\n'));
    }
  });
  const xrefAt = length;
  push(enc.encode(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`));
  push(enc.encode(`trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xrefAt}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const content = (text: string) => ({ dict: '<< /Length LENGTH /Filter /FlateDecode >>', data: new Uint8Array(deflateSync(`BT /F1 24 Tf 72 700 Td (${text}) Tj ET`)) });

/** Two pages; destinations in a /Dests dictionary and in a name tree. */
function twoPages(): Uint8Array {
  return pdfOf(
    [
      '<< /Type /Catalog /Pages 2 0 R /Dests << /first [3 0 R /XYZ 0 0 0] >> /Names << /Dests 8 0 R >> >>',
      '<< /Type /Pages /Kids [9 0 R 4 0 R] /Count 2 >>',
      '<< /Type /Page /Parent 9 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents 5 0 R >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 7 0 R >> >> /Contents 6 0 R >>',
      content('Hello first page'),
      content('Hello second page'),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      '<< /Names [(second) << /D [4 0 R /Fit] >>] >>',
      '<< /Type /Pages /Parent 2 0 R /Kids [3 0 R] /Count 1 >>',
    ],
    '/Root 1 0 R',
  );
}

const pdftotext = (bytes: Uint8Array, name: string): string[] => {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1).map((t) => t.trim());
};

describe('PDF syntax', () => {
  it('reads strings with escapes and nesting, hexadecimal strings, names with #escapes, and references', () => {
    const lexer = new PdfLexer(enc.encode('(a\\(b\\) (nested) \\101\\n) <48 65 6c6C 6f> /A#20B 12 0 R 12 0 [1 2 0 R] << /K -3.5 >>'));
    expect(latin1((lexer.object() as PdfString).bytes)).toBe('a(b) (nested) A\n');
    expect(latin1((lexer.object() as PdfString).bytes)).toBe('Hello');
    expect((lexer.object() as PdfName).name).toBe('A B');
    expect(lexer.object()).toEqual(new PdfRef(12, 0));
    expect(lexer.object()).toBe(12);
    expect(lexer.object()).toBe(0);
    expect(lexer.object()).toEqual([1, new PdfRef(2, 0)]);
    expect(lexer.object()).toEqual(new Map([['K', -3.5]]));
  });

  it('splits a content stream into operators with their operands and byte ranges', () => {
    const bytes = enc.encode('/P <</MCID 3 >>BDC\nBT\n/F7 13.3 Tf\n1 0 0 -1 568.5 1039 Tm\n<00EE> Tj\n7.73 0 Td <00EE> Tj\nET\nEMC');
    const ops = contentOps(bytes);
    expect(ops.map((o) => o.operator)).toEqual(['BDC', 'BT', 'Tf', 'Tm', 'Tj', 'Td', 'Tj', 'ET', 'EMC']);
    expect(ops[3]!.operands).toEqual([1, 0, 0, -1, 568.5, 1039]);
    expect(latin1(bytes.subarray(ops[1]!.start, ops[7]!.end))).toMatch(/^BT[\s\S]*ET$/);
    expect(() => contentOps(enc.encode('BI /W 1 ID x EI'))).toThrow(PdfSyntaxError);
  });

  it('reads a ToUnicode map: single codes, counting ranges and listed ranges', () => {
    const cmap = enc.encode(
      '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) >> def\n' +
        '2 beginbfchar\n<0001> <0020>\n<00EE> <0030>\nendbfchar\n' +
        '2 beginbfrange\n<00F0> <00F2> <0032>\n<0010> <0011> [<0041> <D835DC00>]\nendbfrange\nendcmap end end',
    );
    const map = parseToUnicode(cmap);
    expect(map.get(0x0001)).toBe(' ');
    expect(map.get(0x00ee)).toBe('0');
    expect([0xf0, 0xf1, 0xf2].map((c) => map.get(c))).toEqual(['2', '3', '4']);
    expect(map.get(0x10)).toBe('A');
    expect(map.get(0x11)).toBe('𝐀');
  });
});

describe('PDF file', () => {
  it('lists pages through nested page trees and finds named destinations in both places', () => {
    const pdf = openPdf(twoPages());
    expect(pdf.pages().map((r) => r.num)).toEqual([3, 4]);
    expect(pdf.namedDestinations()).toEqual({ first: 1, second: 2 });
    expect(latin1(pdf.stream(pdf.dict(pdf.pages()[1])!.get('Contents'))!.data)).toContain('Hello second page');
  });

  it('replaces a content stream by an incremental update that readers follow, leaving the original bytes as they were', () => {
    const original = twoPages();
    const pdf = openPdf(original);
    const page = pdf.dict(pdf.pages()[1])!;
    const ref = page.get('Contents') as PdfRef;
    const updated = pdf.withReplacedStreams([{ ref, dict: pdf.stream(ref)!.dict, data: enc.encode('BT /F1 24 Tf 72 700 Td (Rewritten) Tj ET') }]);
    expect(updated.subarray(0, original.length)).toEqual(original);
    expect(pdftotext(updated, 'updated.pdf')).toEqual(['Hello first page', 'Rewritten']);
    // And it reads its own update, which may itself be updated again.
    const again = openPdf(updated);
    expect(latin1(again.stream(ref)!.data)).toContain('Rewritten');
    expect(again.namedDestinations()).toEqual({ first: 1, second: 2 });
    const twice = again.withReplacedStreams([{ ref, dict: again.stream(ref)!.dict, data: enc.encode('BT /F1 24 Tf 72 700 Td (Twice) Tj ET') }]);
    expect(pdftotext(twice, 'twice.pdf')).toEqual(['Hello first page', 'Twice']);
  });

  it('refuses what it does not read: cross-reference streams, encryption, broken offsets', () => {
    const noTable = enc.encode('%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\n\nendstream\nendobj\nstartxref\n9\n%%EOF\n');
    expect(() => openPdf(noTable)).toThrow(PdfSyntaxError);
    const encrypted = pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'], '/Root 1 0 R /Encrypt << /Filter /Standard >>');
    expect(() => openPdf(encrypted)).toThrow(/Encrypted/);
    const shifted = twoPages();
    const broken = new Uint8Array(shifted.length + 3);
    broken.set(enc.encode('%%%'), 0);
    broken.set(shifted.subarray(0, shifted.length), 3);
    expect(() => openPdf(broken).pages()).toThrow(PdfSyntaxError);
  });
});
