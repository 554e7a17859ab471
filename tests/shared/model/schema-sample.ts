import type { z } from 'zod';

/**
 * A value for a zod schema with every optional field present, walked from
 * the schema itself: so a field added to the model is in the sample without
 * anyone remembering to add it. `pick(path)` may supply a value for a path
 * (ids that must refer to one another, documents); strings with a format
 * are tried against a few candidates until one parses.
 */
export function sampleOf(schema: z.ZodType, pick: (path: string[]) => unknown = () => undefined, path: string[] = []): unknown {
  const chosen = pick(path);
  if (chosen !== undefined) return chosen;
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  const inner = (key: string) => def[key] as z.ZodType;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, sampleOf(field, pick, [...path, key])]));
    }
    case 'optional':
    case 'readonly':
    case 'nullable':
    case 'default':
      return sampleOf(inner('innerType'), pick, path);
    case 'array':
      return [sampleOf(inner('element'), pick, [...path, '0'])];
    case 'record':
      return { [`key-${path.join('.')}`]: sampleOf(inner('valueType'), pick, [...path, '*']) };
    case 'enum':
      return Object.values(def.entries as Record<string, string>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'union':
      return sampleOf((def.options as z.ZodType[])[0]!, pick, path);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'number':
      return 7;
    case 'string': {
      const candidates = [`text of ${path.join('.')}`, 'a'.repeat(64), '2023-04-05'];
      const fits = candidates.find((c) => schema.safeParse(c).success);
      if (fits === undefined) throw new Error(`No sample string fits ${path.join('.')}`);
      return fits;
    }
    default:
      throw new Error(`sampleOf: no sample for a ${def.type} at ${path.join('.') || 'the top'}; supply one with pick()`);
  }
}

/** Every leaf path of a plain value, with its value: what "every field" means when comparing records. */
export function leaves(value: unknown, path: string[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, [...path, key], out);
  } else {
    out.set(path.join('.'), value);
  }
  return out;
}
