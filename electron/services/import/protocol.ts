import type { ImportedSource, ImportErrorCode } from '../../../shared/model/imported-source';
import type { ImportLimits } from './types';

/** Messages between main and the isolated import process. */
export type ImportRequest =
  | { type: 'import'; path: string; limits: ImportLimits }
  | { type: 'import-bytes'; bytes: Uint8Array; fileName: string; limits: ImportLimits };

export type ImportReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; source: ImportedSource }
  | { type: 'failed'; code: ImportErrorCode; message: string };
