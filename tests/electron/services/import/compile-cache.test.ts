import * as nodeModule from 'node:module';
import { describe, expect, it } from 'vitest';
import { enableCompileCache } from '../../../../electron/services/import/compile-cache';

/**
 * module.enableCompileCache exists from Node 22.1 (Electron's Node): where
 * this runtime has it, the real one is called; where it does not (Node 20),
 * the import process must start all the same. The runtime's statuses are
 * stood in for only to check how each is read.
 */
const STATUSES = { FAILED: 0, ENABLED: 1, ALREADY_ENABLED: 2, DISABLED: 3 };

describe('enableCompileCache', () => {
  it('enables the cache on this runtime if it has one, and says it is unavailable if not, without throwing', () => {
    const outcome = enableCompileCache();
    if (typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function') expect(outcome.status).toMatch(/^(already-)?enabled$/);
    else expect(outcome).toEqual({ status: 'unavailable' });
  });

  it('reads each status the runtime can answer', () => {
    const answer = (status: number, message?: string) => () => ({ status, directory: '/cache', ...(message ? { message } : {}) });
    expect(enableCompileCache('/cache', answer(STATUSES.ENABLED), STATUSES)).toEqual({ status: 'enabled', directory: '/cache' });
    expect(enableCompileCache('/cache', answer(STATUSES.ALREADY_ENABLED), STATUSES)).toEqual({ status: 'already-enabled', directory: '/cache' });
    expect(enableCompileCache('/cache', answer(STATUSES.DISABLED), STATUSES)).toEqual({ status: 'unavailable' });
    expect(enableCompileCache('/cache', answer(STATUSES.FAILED, 'EACCES'), STATUSES)).toEqual({ status: 'failed', reason: 'EACCES' });
  });

  it('turns a runtime that throws into a failure, never an exception', () => {
    const throwing = () => {
      throw new Error('read-only file system');
    };
    expect(enableCompileCache('/cache', throwing, STATUSES)).toEqual({ status: 'failed', reason: 'read-only file system' });
  });

  it('passes the folder main chose (CASEBOOK_COMPILE_CACHE) to the runtime', () => {
    const seen: (string | undefined)[] = [];
    const record = (directory?: string) => (seen.push(directory), { status: STATUSES.ENABLED });
    const before = process.env.CASEBOOK_COMPILE_CACHE;
    process.env.CASEBOOK_COMPILE_CACHE = '/data/compile-cache';
    try {
      enableCompileCache(undefined, record, STATUSES);
    } finally {
      if (before === undefined) delete process.env.CASEBOOK_COMPILE_CACHE;
      else process.env.CASEBOOK_COMPILE_CACHE = before;
    }
    expect(seen).toEqual(['/data/compile-cache']);
  });
});
