import { inflateSync, deflateSync } from 'node:zlib';
import { dictName, latin1, PdfKeyword, PdfLexer, PdfName, PdfRef, PdfString, PdfSyntaxError, serialize, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * A lazy reader of a PDF with classic cross-reference tables (what Chromium
 * writes), and an incremental-update writer: only the objects asked for are
 * parsed, so reading a 100-page briefing's contents pages costs milliseconds
 * where parsing every object would cost seconds. Cross-reference streams,
 * object streams and encryption are refused with `PdfSyntaxError`.
 */

export interface PdfStream {
  dict: PdfDict;
  /** The stream's bytes with its filters undone (FlateDecode only). */
  data: Uint8Array;
}

export interface PdfFile {
  readonly bytes: Uint8Array;
  readonly trailer: PdfDict;
  /** The object `ref` (or a direct value) points at. */
  resolve(value: PdfValue | undefined): PdfValue | undefined;
  dict(value: PdfValue | undefined): PdfDict | undefined;
  stream(value: PdfValue | undefined): PdfStream | undefined;
  /** Page objects in order, as references. */
  pages(): PdfRef[];
  /** 1-based page of each named destination. */
  namedDestinations(): Record<string, number>;
  /** The file with these objects replaced, written as an incremental update (the original bytes stay as they are). */
  withReplacedStreams(streams: { ref: PdfRef; dict: PdfDict; data: Uint8Array }[]): Uint8Array;
}

const enc = new TextEncoder();

export function openPdf(bytes: Uint8Array): PdfFile {
  const offsets = new Map<number, number>();
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const at = tail.lastIndexOf('startxref');
  if (at < 0) throw new PdfSyntaxError('No startxref.');
  const lastXref = Number(/startxref\s+(\d+)/.exec(tail.slice(at))?.[1]);
  if (!Number.isFinite(lastXref)) throw new PdfSyntaxError('Bad startxref.');

  let trailer: PdfDict | undefined;
  const seen = new Set<number>();
  for (let xref: number | undefined = lastXref; xref !== undefined; ) {
    if (seen.has(xref)) throw new PdfSyntaxError('Cross-reference sections loop.');
    seen.add(xref);
    const lexer: PdfLexer = new PdfLexer(bytes, xref);
    const head = lexer.value();
    if (!(head instanceof PdfKeyword) || head.word !== 'xref') throw new PdfSyntaxError('Not a classic cross-reference table.');
    for (;;) {
      const first = lexer.value();
      if (first instanceof PdfKeyword && first.word === 'trailer') break;
      const count = lexer.value();
      if (typeof first !== 'number' || typeof count !== 'number') throw new PdfSyntaxError('Bad cross-reference subsection.');
      lexer.skipSpace();
      for (let i = 0; i < count; i++) {
        // Entries are 20 bytes each: "oooooooooo ggggg n" and a two-byte end of line (§7.5.4).
        const at = lexer.pos + 20 * i;
        let offset = 0;
        for (let k = 0; k < 10; k++) {
          const d = bytes[at + k]! - 0x30;
          if (d < 0 || d > 9) throw new PdfSyntaxError('Bad cross-reference entry.');
          offset = offset * 10 + d;
        }
        const kind = bytes[at + 17];
        if (bytes[at + 10] !== 0x20 || bytes[at + 16] !== 0x20 || (kind !== 0x6e && kind !== 0x66)) throw new PdfSyntaxError('Bad cross-reference entry.');
        // The newest section comes first: older entries never overwrite it.
        if (!offsets.has(first + i)) offsets.set(first + i, kind === 0x6e ? offset : -1);
      }
      lexer.pos += 20 * count;
    }
    const dict: PdfValue = lexer.object();
    if (!(dict instanceof Map)) throw new PdfSyntaxError('Bad trailer.');
    trailer ??= dict;
    if (dict.has('Encrypt')) throw new PdfSyntaxError('Encrypted PDF.');
    const prev: PdfValue | undefined = dict.get('Prev');
    xref = typeof prev === 'number' ? prev : undefined;
  }
  if (!trailer) throw new PdfSyntaxError('No trailer.');
  const trailerDict = trailer;

  const cache = new Map<number, { value: PdfValue; streamAt?: number }>();
  const load = (num: number) => {
    const hit = cache.get(num);
    if (hit) return hit;
    const offset = offsets.get(num);
    if (offset === undefined || offset < 0) throw new PdfSyntaxError(`Object ${num} is not in the file.`);
    const lexer = new PdfLexer(bytes, offset);
    if (lexer.value() !== num) throw new PdfSyntaxError(`Object ${num} is not where the table says.`);
    lexer.value();
    lexer.expect('obj');
    const value = lexer.object();
    const after = lexer.pos;
    let streamAt: number | undefined;
    const next = lexer.atEnd ? undefined : lexer.value();
    if (next instanceof PdfKeyword && next.word === 'stream') {
      streamAt = lexer.pos;
      if (bytes[streamAt] === 0x0d) streamAt++;
      if (bytes[streamAt] === 0x0a) streamAt++;
    } else lexer.pos = after;
    const entry = { value, ...(streamAt !== undefined ? { streamAt } : {}) };
    cache.set(num, entry);
    return entry;
  };

  const resolve = (value: PdfValue | undefined): PdfValue | undefined => {
    for (let depth = 0; value instanceof PdfRef; depth++) {
      if (depth > 32) throw new PdfSyntaxError('References loop.');
      value = load(value.num).value;
    }
    return value;
  };
  const dict = (value: PdfValue | undefined): PdfDict | undefined => {
    const v = resolve(value);
    return v instanceof Map ? v : undefined;
  };
  const stream = (value: PdfValue | undefined): PdfStream | undefined => {
    if (!(value instanceof PdfRef)) return undefined;
    const entry = load(value.num);
    if (!(entry.value instanceof Map) || entry.streamAt === undefined) return undefined;
    const length = resolve(entry.value.get('Length'));
    if (typeof length !== 'number') throw new PdfSyntaxError('A stream has no length.');
    const raw = bytes.subarray(entry.streamAt, entry.streamAt + length);
    const filter = resolve(entry.value.get('Filter'));
    const filters = filter === undefined ? [] : Array.isArray(filter) ? filter : [filter];
    let data: Uint8Array = raw;
    for (const f of filters) {
      if (!(f instanceof PdfName) || f.name !== 'FlateDecode' || entry.value.has('DecodeParms')) throw new PdfSyntaxError('Unsupported stream filter.');
      data = new Uint8Array(inflateSync(data));
    }
    return { dict: entry.value, data };
  };

  const root = () => dict(trailerDict.get('Root'));

  const pages = (): PdfRef[] => {
    const out: PdfRef[] = [];
    const walk = (ref: PdfValue | undefined, depth: number) => {
      if (depth > 64) throw new PdfSyntaxError('Page tree too deep.');
      const node = dict(ref);
      if (!node || !(ref instanceof PdfRef)) throw new PdfSyntaxError('Bad page tree node.');
      const type = dictName(node, 'Type');
      if (type === 'Page') out.push(ref);
      else {
        const kids = resolve(node.get('Kids'));
        if (!Array.isArray(kids)) throw new PdfSyntaxError('Page tree node without kids.');
        for (const kid of kids) walk(kid, depth + 1);
      }
    };
    walk(root()?.get('Pages'), 0);
    return out;
  };

  const namedDestinations = (): Record<string, number> => {
    const pageOf = new Map(pages().map((ref, i) => [ref.num, i + 1]));
    const out: Record<string, number> = {};
    const add = (name: string, dest: PdfValue | undefined) => {
      let d = resolve(dest);
      if (d instanceof Map) d = resolve(d.get('D'));
      const page = Array.isArray(d) ? d[0] : undefined;
      if (page instanceof PdfRef && pageOf.has(page.num)) out[name] = pageOf.get(page.num)!;
    };
    const dests = dict(root()?.get('Dests'));
    for (const [name, dest] of dests ?? []) add(name, dest);
    // PDF 1.2+ may keep them in a name tree instead.
    const walk = (node: PdfDict | undefined, depth: number) => {
      if (!node || depth > 32) return;
      const names = resolve(node.get('Names'));
      if (Array.isArray(names)) {
        for (let i = 0; i + 1 < names.length; i += 2) {
          const key = resolve(names[i]);
          if (key instanceof PdfString) add(latin1(key.bytes), names[i + 1]);
        }
      }
      const kids = resolve(node.get('Kids'));
      if (Array.isArray(kids)) for (const kid of kids) walk(dict(kid), depth + 1);
    };
    walk(dict(dict(root()?.get('Names'))?.get('Dests')), 0);
    return out;
  };

  const withReplacedStreams = (streams: { ref: PdfRef; dict: PdfDict; data: Uint8Array }[]): Uint8Array => {
    const parts: Uint8Array[] = [bytes];
    let length = bytes.length;
    const push = (part: Uint8Array) => {
      parts.push(part);
      length += part.length;
    };
    const startsOnNewLine = bytes[bytes.length - 1] === 0x0a || bytes[bytes.length - 1] === 0x0d;
    if (!startsOnNewLine) push(enc.encode('\n'));
    const entries: [number, number][] = [];
    for (const s of streams) {
      const compressed = new Uint8Array(deflateSync(s.data));
      const dictOut = new Map(s.dict);
      dictOut.delete('DecodeParms');
      dictOut.set('Filter', new PdfName('FlateDecode'));
      dictOut.set('Length', compressed.length);
      entries.push([s.ref.num, length]);
      push(enc.encode(`${s.ref.num} ${s.ref.gen} obj\n${serialize(dictOut)}\nstream\n`));
      push(compressed);
      push(enc.encode('\nendstream\nendobj\n'));
    }
    const xrefAt = length;
    let xref = 'xref\n';
    for (const [num, offset] of entries.sort((a, b) => a[0] - b[0])) xref += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
    const newTrailer: PdfDict = new Map();
    for (const key of ['Size', 'Root', 'Info', 'ID']) if (trailerDict.has(key)) newTrailer.set(key, trailerDict.get(key)!);
    newTrailer.set('Prev', lastXref);
    push(enc.encode(`${xref}trailer\n${serialize(newTrailer)}\nstartxref\n${xrefAt}\n%%EOF\n`));
    const out = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };

  return { bytes, trailer: trailerDict, resolve, dict, stream, pages, namedDestinations, withReplacedStreams };
}
