import { PdfName, PdfString, PdfSyntaxError, readHexString, type PdfDict, type PdfValue } from './pdf-syntax';

/**
 * A fast scanner of content streams (ISO 32000-1 §7.8.2): operands and
 * operators straight from the bytes, with no regular expressions and no
 * strings but names and operators. A 100-page briefing holds megabytes of
 * content; the general object lexer (pdf-syntax.ts) reads them ten times
 * slower. Inline images (BI … EI) are refused: Chromium writes none.
 */

/** Called per operator with its operands (a fresh array each time) and its byte range, from its first operand to its end. */
export type OnContentOp = (operator: string, operands: PdfValue[], start: number, end: number) => void;

const WHITE = new Uint8Array(256);
for (const c of [0x20, 0x0a, 0x0d, 0x09, 0x0c, 0x00]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const regular = (c: number) => WHITE[c] === 0 && DELIM[c] === 0;

export function scanContent(bytes: Uint8Array, onOp: OnContentOp): void {
  const n = bytes.length;
  let i = 0;
  // A stack of operand lists: arrays ([ … ]) and dictionaries (<< … >>) nest inside operands.
  const stack: PdfValue[][] = [[]];
  const dictMarks: boolean[] = [];
  let opStart = -1;

  const push = (v: PdfValue) => stack[stack.length - 1]!.push(v);

  while (i < n) {
    const c = bytes[i]!;
    if (WHITE[c]) {
      i++;
      continue;
    }
    if (c === 0x25) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (opStart < 0 && stack.length === 1) opStart = i;
    if ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d || c === 0x2b) {
      // A number, parsed in place.
      let sign = 1;
      if (c === 0x2d || c === 0x2b) {
        if (c === 0x2d) sign = -1;
        i++;
      }
      let value = 0;
      let scale = 0;
      let digits = 0;
      for (; i < n; i++) {
        const d = bytes[i]!;
        if (d >= 0x30 && d <= 0x39) {
          value = value * 10 + (d - 0x30);
          if (scale) scale *= 10;
          digits++;
        } else if (d === 0x2e && !scale) scale = 1;
        else break;
      }
      if (digits === 0 || (i < n && regular(bytes[i]!))) throw new PdfSyntaxError(`Bad number at ${i}.`);
      push(sign * (scale ? value / scale : value));
      continue;
    }
    if (c === 0x2f) {
      const start = ++i;
      while (i < n && regular(bytes[i]!)) i++;
      let name = '';
      for (let k = start; k < i; k++) name += String.fromCharCode(bytes[k]!);
      push(new PdfName(name.includes('#') ? name.replace(/#([0-9a-fA-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : name));
      continue;
    }
    if (c === 0x3c) {
      if (bytes[i + 1] === 0x3c) {
        i += 2;
        stack.push([]);
        dictMarks.push(true);
        continue;
      }
      const hex = readHexString(bytes, i + 1);
      i = hex.end;
      push(hex.value);
      continue;
    }
    if (c === 0x3e) {
      if (bytes[i + 1] !== 0x3e || dictMarks.pop() !== true) throw new PdfSyntaxError('Unbalanced >>.');
      i += 2;
      const items = stack.pop()!;
      if (items.length % 2 !== 0) throw new PdfSyntaxError('A dictionary has a key without a value.');
      const dict: PdfDict = new Map();
      for (let k = 0; k < items.length; k += 2) {
        const key = items[k];
        if (!(key instanceof PdfName)) throw new PdfSyntaxError('A dictionary key is not a name.');
        dict.set(key.name, items[k + 1]!);
      }
      push(dict);
      continue;
    }
    if (c === 0x5b) {
      i++;
      stack.push([]);
      dictMarks.push(false);
      continue;
    }
    if (c === 0x5d) {
      if (dictMarks.pop() !== false) throw new PdfSyntaxError('Unbalanced ].');
      i++;
      const items = stack.pop()!;
      push(items);
      continue;
    }
    if (c === 0x28) {
      i++;
      const out: number[] = [];
      let depth = 1;
      for (;;) {
        if (i >= n) throw new PdfSyntaxError('Unterminated string.');
        const d = bytes[i++]!;
        if (d === 0x5c) {
          const e = bytes[i++]!;
          if (e === 0x6e) out.push(0x0a);
          else if (e === 0x72) out.push(0x0d);
          else if (e === 0x74) out.push(0x09);
          else if (e === 0x62) out.push(0x08);
          else if (e === 0x66) out.push(0x0c);
          else if (e >= 0x30 && e <= 0x37) {
            let v = e - 0x30;
            for (let k = 0; k < 2 && bytes[i]! >= 0x30 && bytes[i]! <= 0x37; k++) v = v * 8 + (bytes[i++]! - 0x30);
            out.push(v & 0xff);
          } else if (e === 0x0d) {
            if (bytes[i] === 0x0a) i++;
          } else if (e !== 0x0a) out.push(e);
          continue;
        }
        if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
        out.push(d);
      }
      push(new PdfString(Uint8Array.from(out), false));
      continue;
    }
    if (DELIM[c]) throw new PdfSyntaxError(`Unexpected ${String.fromCharCode(c)} at ${i}.`);
    // An operator (or true/false/null).
    const start = i;
    while (i < n && regular(bytes[i]!)) i++;
    let word = '';
    for (let k = start; k < i; k++) word += String.fromCharCode(bytes[k]!);
    if (word === 'true' || word === 'false') {
      push(word === 'true');
      continue;
    }
    if (word === 'null') {
      push(null);
      continue;
    }
    if (stack.length !== 1) throw new PdfSyntaxError(`Operator ${word} inside an array or dictionary.`);
    if (word === 'BI') throw new PdfSyntaxError('Inline images are not supported.');
    onOp(word, stack[0]!, opStart, i);
    stack[0] = [];
    opStart = -1;
  }
  if (stack.length !== 1) throw new PdfSyntaxError('Unbalanced array or dictionary at the end of a content stream.');
  if (stack[0]!.length > 0) throw new PdfSyntaxError('Operands without an operator at the end of a content stream.');
}

/** One operator of a content stream, its operands, and the bytes from its first operand to its end. */
export interface ContentOp {
  operator: string;
  operands: PdfValue[];
  start: number;
  end: number;
}

/** The operators of a content stream in order. */
export function contentOps(bytes: Uint8Array): ContentOp[] {
  const ops: ContentOp[] = [];
  scanContent(bytes, (operator, operands, start, end) => ops.push({ operator, operands, start, end }));
  return ops;
}
