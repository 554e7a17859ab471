import type { ImportedSource, ImportErrorCode } from '../../../shared/model/imported-source';
import type { ImportLimits } from './types';

/**
 * Messages between main and the isolated import process. Main sends the
 * bytes, never a path: it keeps exactly the bytes that were parsed and hashed.
 * `encoding`, when set, is the text encoding the user chose for this file
 * (a WHATWG or iconv-lite label), used instead of the detected one.
 */
export type ImportRequest = { type: 'import-bytes'; bytes: Uint8Array; fileName: string; limits: ImportLimits; encoding?: string };

/**
 * Main's word that it has the final reply (`done` or `failed`) and needs the
 * process no more (instead, it may send the next file of a batch). The
 * process leaves only then: a reply of several megabytes can still be on
 * its way long after it was sent, and leaving earlier loses it.
 */
export type ImportAck = { type: 'ack' };

export type ImportReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; source: ImportedSource }
  /** `detail`: the technical reason, for main's log only (ImportError.detail). */
  | { type: 'failed'; code: ImportErrorCode; message: string; detail?: string };
