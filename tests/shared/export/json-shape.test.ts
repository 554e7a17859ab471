import { describe, expect, it } from 'vitest';
import { measureJson } from '../../../shared/export/json-shape';

const NO_LIMITS = { maxContainers: Infinity, maxMembers: Infinity, maxDepth: Infinity };
const measure = (text: string, limits = NO_LIMITS) => measureJson(new TextEncoder().encode(text), limits);

describe('measureJson', () => {
  it('counts objects and arrays, members and depth from the bytes', () => {
    expect(measure('{"a":[1,2,{"b":null}],"c":{}}')).toEqual({ ok: true, shape: { containers: 4, members: 4 + 3, depth: 3 } });
    expect(measure('42')).toEqual({ ok: true, shape: { containers: 0, members: 0, depth: 0 } });
    expect(measure('[[[]]]')).toEqual({ ok: true, shape: { containers: 3, members: 3, depth: 3 } });
  });

  it('ignores brackets, commas and escaped quotes inside strings, and multi-byte characters', () => {
    expect(measure('{"k{[,":"va]}l\\"ue,[", "ü€😀{":"\\\\"}')).toEqual({ ok: true, shape: { containers: 1, members: 2, depth: 1 } });
    // Whatever the text, its count matches what JSON.parse builds.
    const value = { notes: [{ content: { type: 'doc', content: [{ type: 'text', text: '[{,}] "quoted" \\ 中文' }] } }], list: [1, 'two', [3, [4]]] };
    const count = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Object.values(v).reduce<number>((n, c) => n + count(c), 0) : 0);
    const result = measure(JSON.stringify(value));
    expect(result.ok && result.shape.containers).toBe(count(value));
  });

  it('stops at the first limit passed, saying which', () => {
    expect(measure('[{},{},{}]', { ...NO_LIMITS, maxContainers: 3 })).toEqual({ ok: false, over: 'containers', limit: 3 });
    expect(measure('[0,0,0,0]', { ...NO_LIMITS, maxMembers: 3 })).toEqual({ ok: false, over: 'members', limit: 3 });
    expect(measure('[[[[0]]]]', { ...NO_LIMITS, maxDepth: 3 })).toEqual({ ok: false, over: 'depth', limit: 3 });
    expect(measure('[[[0]]]', { ...NO_LIMITS, maxDepth: 3 }).ok).toBe(true);
  });
});
