import type { ImportedSource, ImportErrorCode } from '../../../shared/model/imported-source';
import type { ImportLimits } from './types';

/**
 * Messages between main and the isolated import process. Main sends the
 * bytes, never a path: it keeps exactly the bytes that were parsed and hashed.
 */
export type ImportRequest = { type: 'import-bytes'; bytes: Uint8Array; fileName: string; limits: ImportLimits };

export type ImportReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; source: ImportedSource }
  | { type: 'failed'; code: ImportErrorCode; message: string };
