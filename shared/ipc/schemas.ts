import { z } from 'zod';
import { briefingModelSchema } from './briefing-schema';
import { caseSnapshotSchema } from '../export/case-snapshot';

/**
 * Zod schemas for every channel's request payload: main validates what the
 * renderer sends before any handler sees it. Keys match `Contract`.
 */
/** Chosen by the renderer to follow and cancel one import. */
const requestId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A text encoding label as the import service names them ("windows-1251", "shift_jis"); main checks it is one it knows. */
const encodingLabel = z.string().regex(/^[A-Za-z0-9][\w.:+-]{0,39}$/);

export const requestSchemas = {
  'app:get-info': z.void(),
  'shell:open-external': z.object({ url: z.string().min(1).max(2048) }).strict(),
  'log:write': z
    .object({
      level: z.enum(['info', 'warn', 'error']),
      message: z.string().max(4000),
      detail: z.string().max(20000).optional(),
    })
    .strict(),
  'window:ready-to-close': z.void(),
  'import:choose-files': z.void(),
  // `encoding`: read the file's text with this encoding instead of the detected one (the user re-decoding a source).
  'import:file': z.union([
    z.object({ requestId: requestId, path: z.string().min(1).max(4096), encoding: encodingLabel.optional() }).strict(),
    z.object({ requestId: requestId, fileName: z.string().min(1).max(255), bytes: z.instanceof(Uint8Array), encoding: encodingLabel.optional() }).strict(),
  ]),
  'import:cancel': z.object({ requestId: requestId }).strict(),
  'export:briefing-pdf': z.object({ model: briefingModelSchema }).strict(),
  'export:save-file': z
    .object({
      format: z.enum(['markdown', 'markdown-zip', 'ftm', 'csv']),
      suggestedName: z.string().min(1).max(200),
      bytes: z.instanceof(Uint8Array),
    })
    .strict(),
  // An HTML page must say whether to redact (main redacts it itself); a backup keeps everything, so it cannot ask to.
  'export:case-file': z.discriminatedUnion('format', [
    z.object({ format: z.literal('html'), snapshot: caseSnapshotSchema, redact: z.boolean() }).strict(),
    z.object({ format: z.literal('backup'), snapshot: caseSnapshotSchema }).strict(),
  ]),
  'backup:restore': z.void(),
  'backup:auto': z.object({ snapshot: caseSnapshotSchema, reason: z.enum(['daily', 'pre-upgrade']).optional() }).strict(),
} as const;

export type RequestOf<K extends keyof typeof requestSchemas> = z.infer<(typeof requestSchemas)[K]>;
