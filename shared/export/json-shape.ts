/** How much of a JSON text would cost once parsed, read from its bytes without parsing them. */
export interface JsonShape {
  /** Objects and arrays. */
  containers: number;
  /** Elements of arrays and members of objects, at most: one per comma, plus one per container. */
  members: number;
  /** Deepest nesting of objects and arrays (a bare scalar is 0, `[]` is 1). */
  depth: number;
}

export interface JsonShapeLimits {
  maxContainers: number;
  maxMembers: number;
  maxDepth: number;
}

export type JsonShapeResult =
  | { ok: true; shape: JsonShape }
  | { ok: false; over: 'containers' | 'members' | 'depth'; limit: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Measures UTF-8 JSON in one pass over its bytes, allocating nothing, and
 * stops at the first limit passed. Why: what JSON.parse (and a zod parse
 * after it) costs is set by how many values the text holds, not by its size
 * (three bytes, `{},`, make an object of some tens of bytes, and a zod copy
 * of it some hundreds), and running out of heap in main is a crash, not an
 * error anyone can catch. So an untrusted text is measured first and parsed
 * only if it fits. Only JSON's structure is read (quotes, escapes, brackets,
 * commas: all ASCII, so never part of a multi-byte character); malformed
 * JSON is measured as well as it can be and left to JSON.parse to refuse.
 */
export function measureJson(bytes: Uint8Array, limits: JsonShapeLimits): JsonShapeResult {
  let containers = 0;
  let commas = 0;
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      if (++containers > limits.maxContainers) return { ok: false, over: 'containers', limit: limits.maxContainers };
      if (containers + commas > limits.maxMembers) return { ok: false, over: 'members', limit: limits.maxMembers };
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limits.maxDepth) return { ok: false, over: 'depth', limit: limits.maxDepth };
      }
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    } else if (byte === COMMA) {
      if (containers + ++commas > limits.maxMembers) return { ok: false, over: 'members', limit: limits.maxMembers };
    }
  }
  return { ok: true, shape: { containers, members: containers + commas, depth: deepest } };
}
