/**
 * What every channel returns. `ipcMain.handle` would pass only an error's
 * message across the bridge, so failures travel as data with a stable code.
 */
import type { ImportErrorCode } from '../model/imported-source';

export type ErrorCode =
  | ImportErrorCode
  | 'untrusted-sender'
  | 'invalid-payload'
  | 'unknown-channel'
  | 'forbidden-url'
  | 'forbidden-path'
  | 'io'
  | 'not-writable'
  | 'disk-full'
  | 'export-failed'
  | 'invalid-backup'
  | 'internal';

export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
