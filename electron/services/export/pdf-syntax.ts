/**
 * Just enough of PDF's object syntax (ISO 32000-1 §7.2–7.3) to read the PDF
 * Chromium prints and to rewrite a few of its content streams: numbers,
 * names, strings, arrays, dictionaries, indirect references, and content
 * stream operators with the byte ranges they occupy. It reads; it never
 * guesses: anything it does not understand throws `PdfSyntaxError`, and the
 * briefing service then falls back to numbering by a second printing.
 */

export class PdfSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfSyntaxError';
  }
}

export class PdfName {
  constructor(readonly name: string) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}

/** A string's bytes, literal `( )` or hexadecimal `< >`. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex: boolean,
  ) {}
}

/** A bare keyword in a content stream (`BT`, `Tj`…), or `stream`/`obj` markers in a file. */
export class PdfKeyword {
  constructor(readonly word: string) {}
}

export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfValue[] | PdfDict;
export type PdfDict = Map<string, PdfValue>;

const isWhite = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number) => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;
const isRegular = (c: number) => !isWhite(c) && !isDelimiter(c);
const hexValue = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

type Token = number | boolean | null | PdfName | PdfString | PdfKeyword | '[' | ']' | '<<' | '>>';

/**
 * A hexadecimal string (`<48 65>`) whose `<` is just before `at`: its bytes
 * (an odd last digit is followed by 0, as the PDF spec says), and the index
 * after its `>`. Shared by the object lexer and the content-stream scanner.
 */
export function readHexString(bytes: Uint8Array, at: number): { value: PdfString; end: number } {
  const out: number[] = [];
  let high = -1;
  let i = at;
  for (; i < bytes.length && bytes[i] !== 0x3e; i++) {
    const c = bytes[i]!;
    if (isWhite(c)) continue;
    const v = hexValue(c);
    if (v < 0) throw new PdfSyntaxError('Bad hexadecimal string.');
    if (high < 0) high = v;
    else {
      out.push(high * 16 + v);
      high = -1;
    }
  }
  if (high >= 0) out.push(high * 16);
  return { value: new PdfString(Uint8Array.from(out), true), end: i + 1 };
}

/** Reads tokens and objects from `bytes`, starting at `pos`. */
export class PdfLexer {
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  get atEnd(): boolean {
    this.skipSpace();
    return this.pos >= this.bytes.length;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      const c = b[this.pos]!;
      if (isWhite(c)) this.pos++;
      else if (c === 0x25) while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  private token(): Token {
    this.skipSpace();
    const b = this.bytes;
    if (this.pos >= b.length) throw new PdfSyntaxError('Unexpected end of data.');
    const c = b[this.pos]!;
    if (c === 0x5b || c === 0x5d) {
      this.pos++;
      return c === 0x5b ? '[' : ']';
    }
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      return '<<';
    }
    if (c === 0x3e && b[this.pos + 1] === 0x3e) {
      this.pos += 2;
      return '>>';
    }
    if (c === 0x3c) return this.hexString();
    if (c === 0x28) return this.literalString();
    if (c === 0x2f) {
      const start = ++this.pos;
      while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
      return new PdfName(decodeName(b.subarray(start, this.pos)));
    }
    if (!isRegular(c)) throw new PdfSyntaxError(`Unexpected character ${String.fromCharCode(c)} at ${this.pos}.`);
    const start = this.pos;
    while (this.pos < b.length && isRegular(b[this.pos]!)) this.pos++;
    const word = latin1(b.subarray(start, this.pos));
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new PdfKeyword(word);
  }

  private hexString(): PdfString {
    const { value, end } = readHexString(this.bytes, this.pos + 1);
    this.pos = end;
    return value;
  }

  private literalString(): PdfString {
    const b = this.bytes;
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    while (this.pos < b.length) {
      const c = b[this.pos++]!;
      if (c === 0x5c) {
        const e = b[this.pos++]!;
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (e in simple) out.push(simple[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos]! >= 0x30 && b[this.pos]! <= 0x37; i++) v = v * 8 + (b[this.pos++]! - 0x30);
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      if (c === 0x28) depth++;
      if (c === 0x29 && --depth === 0) return new PdfString(Uint8Array.from(out), false);
      out.push(c);
    }
    throw new PdfSyntaxError('Unterminated string.');
  }

  /** The next object; `R` after two integers makes a reference. Keywords are returned as they are. */
  value(): PdfValue | PdfKeyword {
    const t = this.token();
    return this.complete(t);
  }

  private complete(t: Token): PdfValue | PdfKeyword {
    if (t === '[') {
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.object());
      }
    }
    if (t === '<<') {
      const dict: PdfDict = new Map();
      for (;;) {
        const key = this.token();
        if (key === '>>') return dict;
        if (!(key instanceof PdfName)) throw new PdfSyntaxError('A dictionary key is not a name.');
        dict.set(key.name, this.object());
      }
    }
    if (t === ']' || t === '>>') throw new PdfSyntaxError(`Unexpected ${t}.`);
    if (typeof t === 'number' && Number.isInteger(t) && t >= 0) {
      // Maybe the first of "num gen R".
      const save = this.pos;
      try {
        const gen = this.token();
        if (typeof gen === 'number' && Number.isInteger(gen)) {
          const r = this.token();
          if (r instanceof PdfKeyword && r.word === 'R') return new PdfRef(t, gen);
        }
      } catch {
        // Not a reference: the end of the data came first.
      }
      this.pos = save;
    }
    return t;
  }

  /** The next object, refusing bare keywords. */
  object(): PdfValue {
    const v = this.value();
    if (v instanceof PdfKeyword) throw new PdfSyntaxError(`Unexpected keyword ${v.word}.`);
    return v;
  }

  /** Expects the keyword `word` next. */
  expect(word: string): void {
    const t = this.token();
    if (!(t instanceof PdfKeyword) || t.word !== word) throw new PdfSyntaxError(`Expected ${word}.`);
  }
}

export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function decodeName(raw: Uint8Array): string {
  const s = latin1(raw);
  return s.includes('#') ? s.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** A dictionary entry of the expected kind, or undefined. */
export const dictNumber = (d: PdfDict | undefined, key: string): number | undefined => {
  const v = d?.get(key);
  return typeof v === 'number' ? v : undefined;
};
export const dictName = (d: PdfDict | undefined, key: string): string | undefined => {
  const v = d?.get(key);
  return v instanceof PdfName ? v.name : undefined;
};

/** PDF source text for a value, for writing objects back. */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
  if (value instanceof PdfName) return `/${value.name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}`;
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return `<${[...value.bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}>`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(' ')}]`;
  return `<<${[...value].map(([k, v]) => `${serialize(new PdfName(k))} ${serialize(v)}`).join(' ')}>>`;
}
