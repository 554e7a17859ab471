import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../electron/main/ipc/dispatch';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc/handlers';
import { CHANNELS } from '../../../shared/ipc/channel-names';
import type { Channel } from '../../../shared/ipc/contract';
import type { ErrorCode } from '../../../shared/ipc/result';
import { seedBriefing } from '../../shared/briefing/briefing-fixture';
import { seededCase } from '../../shared/export/case-fixture';
import { seededRandom } from '../../fixtures/seeded-random';

/**
 * Malformed payloads thrown at every channel through the real dispatcher and
 * handlers. Every answer must be a typed Result (never a throw or a rejected
 * promise), a payload the schema refuses must be refused as `invalid-payload`
 * before any handler side effect (no dialog, no print, no write, no import,
 * no openExternal), and nothing may pollute Object.prototype. The corpus is
 * generated from a seeded PRNG, so a failure names a payload that reproduces.
 */

const SEED = 0xca5eb00c;
const APP = 'casebook://app/index.html';
const TRUSTED = { trustedOrigins: ['casebook://app'] };

function nested(depth: number, leaf: unknown, shape: 'object' | 'array' | 'doc'): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) {
    value = shape === 'array' ? [value] : shape === 'object' ? { a: value } : { type: 'paragraph', content: [value] };
  }
  return value;
}

/** Values that are wrong almost anywhere a payload field goes. */
function hostileValues(): [label: string, value: unknown][] {
  const withProto = JSON.parse('{"__proto__": {"polluted": "yes"}, "url": "https://example.org/"}') as unknown;
  return [
    ['undefined', undefined],
    ['null', null],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['-0', -0],
    ['MAX_SAFE_INTEGER+2', Number.MAX_SAFE_INTEGER + 2],
    ['true', true],
    ['empty string', ''],
    ['5 MB string', 'x'.repeat(5 * 1024 * 1024)],
    ['NUL and RTL string', 'a\u0000b\u202Ec\uD800'],
    ['path traversal string', '../../../../etc/passwd'],
    ['bigint', 10n],
    ['symbol', Symbol('payload')],
    ['function', () => 'called'],
    ['Date', new Date(0)],
    ['RegExp', /x/g],
    ['Map', new Map([['url', 'https://example.org/']])],
    ['Set', new Set([1])],
    ['Error', new Error('boom')],
    ['Uint8Array', new Uint8Array([104, 116, 116, 112])],
    ['Uint16Array', new Uint16Array([1, 2])],
    ['Float64Array', new Float64Array([NaN])],
    ['ArrayBuffer', new ArrayBuffer(8)],
    ['DataView', new DataView(new ArrayBuffer(4))],
    ['Buffer', Buffer.from('https://example.org/')],
    ['String object', new String('https://example.org/')],
    ['empty array', []],
    ['array of strings', ['https://example.org/']],
    ['sparse array', [, , 1]], // eslint-disable-line no-sparse-arrays
    ['100k-element array', new Array(100_000).fill(0)],
    ['empty object', {}],
    ['null-prototype object', Object.create(null) as object],
    ['__proto__ own key', withProto],
    ['constructor.prototype', { constructor: { prototype: { polluted: 'yes' } } }],
    ['toString override', { toString: () => 'https://example.org/', valueOf: () => 1 }],
    ['getter that throws', Object.defineProperty({}, 'url', { enumerable: true, get: () => { throw new Error('getter'); } })],
    ['Proxy that throws', new Proxy({}, { get: () => { throw new Error('proxy'); }, ownKeys: () => { throw new Error('proxy'); } })],
    ['depth 10k object', nested(10_000, 1, 'object')],
    ['depth 10k array', nested(10_000, 1, 'array')],
    ['depth 10k TipTap doc', { type: 'doc', content: [nested(10_000, { type: 'text', text: 'x' }, 'doc')] }],
    ['Promise', Promise.resolve(1)],
  ];
}

/** A valid payload per channel (void channels: undefined), the base the mutations start from. */
async function validPayloads(): Promise<Partial<Record<string, unknown[]>>> {
  const { snapshot } = await seededCase();
  const { model } = seedBriefing();
  return {
    'app:get-info': [undefined],
    'shell:open-external': [{ url: 'https://example.org/' }],
    'log:write': [{ level: 'info', message: 'hello', detail: 'detail' }],
    'window:ready-to-close': [undefined],
    'import:choose-files': [undefined],
    'import:file': [
      { requestId: 'job-1', path: '/nonexistent/report.pdf' },
      { requestId: 'job-2', fileName: 'tip.txt', bytes: new Uint8Array([65]) },
      { requestId: 'job-3', fileName: 'tip.txt', bytes: new Uint8Array([0xf0]), encoding: 'koi8-r' },
    ],
    'import:cancel': [{ requestId: 'job-1' }],
    'export:briefing-pdf': [{ model }],
    'export:save-file': [{ format: 'markdown', suggestedName: 'note.md', bytes: new Uint8Array([35]) }],
    'export:case-file': [
      { format: 'html', snapshot, redact: false },
      // Redacting runs main's redaction step over every mutation of a case with a protected entity.
      { format: 'html', snapshot: { ...snapshot, entities: snapshot.entities.map((e, i) => (i === 0 ? { ...e, protected: true } : e)) }, redact: true },
      { format: 'backup', snapshot },
    ],
    'backup:restore': [undefined, { path: '/nonexistent/opened.casebook' }],
    'backup:take-open-requests': [undefined],
    // Automatic backups (a later channel): the same snapshot, with and without a reason.
    'backup:auto': [{ snapshot }, { snapshot, reason: 'daily' }],
    'originals:read': [{ sha256: 'a'.repeat(64) }],
    'source:open-original': [{ sha256: 'a'.repeat(64), fileName: 'report.pdf' }],
    'source:show-in-folder': [{ sha256: 'b'.repeat(64), fileName: 'tip.eml' }],
  };
}

const clone = <T>(value: T): T => structuredClone(value);

/** Every path to a value inside `root` (objects and arrays), capped so big snapshots stay quick. */
function paths(root: unknown, limit = 4000): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length && out.length < limit) {
    const { value, path } = stack.pop()!;
    if (path.length) out.push(path);
    if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, Array.isArray(value) ? Number(key) : key] });
    }
  }
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, mode: 'set' | 'delete'): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (mode === 'delete') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    Object.defineProperty(node, last, { value, enumerable: true, configurable: true, writable: true });
  }
}

/** The generated corpus for one channel: whole-payload swaps, per-field swaps, missing and extra keys, random deep mutations. */
function corpusFor(channel: Channel, valids: readonly unknown[], random: ReturnType<typeof seededRandom>): [label: string, payload: unknown][] {
  const hostile = hostileValues();
  const corpus: [string, unknown][] = hostile.map(([label, value]) => [`payload = ${label}`, value]);
  for (const [v, valid] of valids.entries()) {
    if (valid === undefined) {
      corpus.push([`#${v} object instead of nothing`, { now: true }], [`#${v} array instead of nothing`, []]);
      continue;
    }
    corpus.push([`#${v} wrapped in an array`, [valid]], [`#${v} wrapped in an object`, { payload: valid }]);
    const top = Object.keys(valid as object);
    for (const key of top) {
      const missing = clone(valid) as Record<string, unknown>;
      delete missing[key];
      corpus.push([`#${v} without ${key}`, missing]);
      // Each top-level field swapped for a sample of hostile values.
      for (let i = 0; i < 8; i++) {
        const [label, value] = random.pick(hostile);
        const swapped = clone(valid) as Record<string, unknown>;
        Object.defineProperty(swapped, key, { value, enumerable: true, configurable: true, writable: true });
        corpus.push([`#${v} ${key} = ${label}`, swapped]);
      }
    }
    for (const extra of ['__proto__', 'constructor', 'prototype', 'toString', 'openWith', 'path', 'then']) {
      const withExtra = clone(valid) as Record<string, unknown>;
      Object.defineProperty(withExtra, extra, { value: { polluted: 'yes' }, enumerable: true, configurable: true, writable: true });
      corpus.push([`#${v} extra key ${extra}`, withExtra]);
    }
    // Deep mutations inside nested payloads (the briefing model, the case snapshot).
    const all = paths(valid);
    const rounds = all.length > 20 ? 60 : 10;
    for (let i = 0; i < rounds; i++) {
      const mutated = clone(valid);
      const path = random.pick(all);
      const del = random.next() < 0.25;
      const [label, value] = random.pick(hostile);
      setAt(mutated, path, value, del ? 'delete' : 'set');
      corpus.push([`#${v} ${del ? 'delete' : 'set'} ${path.join('.')}${del ? '' : ` = ${label}`}`, mutated]);
    }
  }
  void channel;
  return corpus;
}

const ERROR_CODES = new Set<ErrorCode>([
  'untrusted-sender', 'invalid-payload', 'unknown-channel', 'forbidden-url', 'forbidden-path', 'io', 'not-writable', 'disk-full',
  'export-failed', 'invalid-backup', 'internal', 'unsupported', 'corrupt', 'encrypted', 'too-large', 'timeout', 'empty', 'unreadable', 'cancelled',
]);

/** Deps that record every side effect; the ones that would touch disk or the user throw, so a leak is loud. */
function recordingDeps(): HandlerDeps & { effects: string[] } {
  const effects: string[] = [];
  const refuse = (name: string) => async () => {
    effects.push(name);
    throw Object.assign(new Error(`${name} is not available in the fuzz test`), { code: 'EACCES' });
  };
  return {
    effects,
    backupsDir: '/nonexistent/backups',
    appInfo: () => ({ name: 'Casebook', version: '0.0.0', platform: 'linux', dataDir: '/nonexistent' }),
    openExternal: async (url) => void effects.push(`openExternal ${url}`),
    log: { append: async () => void effects.push('log.append') } as never,
    readyToClose: () => void effects.push('readyToClose'),
    chooseFiles: async () => (effects.push('chooseFiles'), []),
    importer: { run: refuse('importer.run') } as never,
    originals: { root: '/nonexistent', putFile: refuse('originals.putFile'), putBytes: refuse('originals.putBytes'), has: async () => false, pathFor: () => '/nonexistent/x', read: refuse('originals.read') } as never,
    // Cancelled save dialogs: a valid request stops before writing anything.
    chooseSavePath: async () => (effects.push('chooseSavePath'), null),
    printBriefing: refuse('printBriefing'),
    writeFileAtomic: refuse('writeFileAtomic'),
    chooseBackupFile: async () => (effects.push('chooseBackupFile'), null),
    openPath: async (path) => (effects.push(`openPath ${path}`), ''),
    showItemInFolder: (path) => void effects.push(`showItemInFolder ${path}`),
  };
}

function expectResult(result: unknown, label: string): asserts result is { ok: boolean; error?: { code: ErrorCode; message: string } } {
  expect(result, label).toBeTypeOf('object');
  const r = result as { ok: unknown; value?: unknown; error?: { code: unknown; message: unknown } };
  expect(typeof r.ok, label).toBe('boolean');
  if (!r.ok) {
    expect(ERROR_CODES.has(r.error?.code as ErrorCode), `${label}: code ${String(r.error?.code)}`).toBe(true);
    expect(typeof r.error?.message, label).toBe('string');
    expect((r.error!.message as string).length, label).toBeLessThan(2000);
  }
}

let valids: Partial<Record<string, unknown[]>>;
/** Valid samples of a channel; a channel added to the contract without one here gets the generic corpus only. */
const validsOf = (channel: Channel): readonly unknown[] => valids[channel] ?? [];
beforeAll(async () => {
  valids = await validPayloads();
});

describe('IPC fuzz: malformed payloads on every channel', () => {
  it('the valid base payloads are accepted (so the mutations start from something real)', async () => {
    const deps = recordingDeps();
    const dispatch = createDispatch(createHandlers(deps), TRUSTED);
    for (const channel of CHANNELS) {
      for (const payload of validsOf(channel)) {
        const result = await dispatch(channel, payload, { senderUrl: APP });
        expectResult(result, channel);
        if (!result.ok) expect(result.error!.code, channel).not.toBe('invalid-payload');
      }
    }
  });

  it.each(CHANNELS.map((c) => [c]))('%s: every malformed payload gets a typed error, no throw, no side effect', async (channel) => {
    const random = seededRandom(SEED ^ channel.length ^ channel.charCodeAt(channel.length - 1));
    const corpus = corpusFor(channel, validsOf(channel), random);
    expect(corpus.length).toBeGreaterThan(40);
    const deps = recordingDeps();
    const dispatch = createDispatch(createHandlers(deps), TRUSTED);
    let refused = 0;
    for (const [label, payload] of corpus) {
      const before = deps.effects.length;
      let result: unknown;
      try {
        result = await dispatch(channel, payload, { senderUrl: APP });
      } catch (error) {
        throw new Error(`${channel} threw on "${label}": ${String(error)}`, { cause: error });
      }
      expectResult(result, `${channel} ← ${label}`);
      if (!result.ok && result.error!.code === 'invalid-payload') {
        refused++;
        expect(deps.effects.slice(before), `${channel} ← ${label} had side effects`).toEqual([]);
      }
      // A payload that got through must have been one the schema accepts: never an internal crash.
      if (!result.ok) expect(result.error!.code, `${channel} ← ${label}: ${result.error!.message}`).not.toBe('internal');
    }
    // Almost all of it is refused; the rest is valid by construction (an optional field removed, -0 for a number).
    expect(refused / corpus.length, `${refused}/${corpus.length} refused`).toBeGreaterThan(0.6);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 120_000);

  it('a deeply nested note document inside the snapshot or the briefing is refused, not a stack overflow', async () => {
    const deps = recordingDeps();
    const dispatch = createDispatch(createHandlers(deps), TRUSTED);
    const deep = { type: 'doc', content: [nested(20_000, { type: 'text', text: 'x' }, 'doc')] };
    for (const channel of ['export:case-file', 'backup:auto'] as Channel[]) {
      for (const valid of validsOf(channel)) {
        const payload = clone(valid) as { snapshot: { notes: { content: unknown }[] } };
        payload.snapshot.notes[0]!.content = deep;
        expect(await dispatch(channel, payload, { senderUrl: APP }), channel).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
      }
    }
    const [briefing] = validsOf('export:briefing-pdf') as { model: { notes: { content: unknown }[] } }[];
    const payload = clone(briefing!);
    payload.model.notes[0]!.content = deep;
    expect(await dispatch('export:briefing-pdf', payload, { senderUrl: APP })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(deps.effects).toEqual([]);
  });

  it('an untrusted sender is refused on every channel with every payload, before anything runs', async () => {
    const deps = recordingDeps();
    const dispatch = createDispatch(createHandlers(deps), TRUSTED);
    const senders = [undefined, '', 'null', 'about:blank', 'file:///tmp/evil.html', 'https://evil.example/', 'casebook://evil/', 'casebook://app.evil.example/', 'data:text/html,x', 'blob:casebook://evil/x'];
    const random = seededRandom(SEED);
    const payloads = [...hostileValues().map(([, v]) => v), ...CHANNELS.flatMap((c) => validsOf(c))];
    for (const channel of [...CHANNELS, 'fs:read', '__proto__', 'constructor']) {
      for (let i = 0; i < 25; i++) {
        const result = await dispatch(channel, random.pick(payloads), { senderUrl: random.pick(senders) });
        expect(result).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
      }
    }
    expect(deps.effects).toEqual([]);
  });

  it('unknown and inherited channel names are refused with a typed error', async () => {
    const deps = recordingDeps();
    const dispatch = createDispatch(createHandlers(deps), TRUSTED);
    for (const channel of ['', ' ', 'fs:read', 'APP:GET-INFO', 'app:get-info ', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'x'.repeat(100_000)]) {
      const result = await dispatch(channel, undefined, { senderUrl: APP });
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    expect(deps.effects).toEqual([]);
  });
});
