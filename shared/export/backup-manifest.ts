import { z } from 'zod';
import { SHA256_HEX } from './sha256';

export const BACKUP_FORMAT = 'casebook-backup';
/** Bumped when a backup written now could not be read by an older Casebook. */
export const BACKUP_VERSION = 1;

export const MANIFEST_ENTRY = 'manifest.json';
export const CASE_ENTRY = 'case.json';
export const ORIGINALS_FOLDER = 'originals/';
export const originalEntry = (sha256: string) => `${ORIGINALS_FOLDER}${sha256}`;

const count = z.number().int().min(0);

/**
 * `manifest.json`: what the backup is and what it must contain. The case's
 * sha256 catches a hand-edited `case.json`; the originals list, with sizes,
 * says which files must be there and what they hash to.
 */
export const backupManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  /** ISO 8601. */
  createdAt: z.string().max(64),
  appVersion: z.string().max(64),
  caseId: z.string().min(1).max(512),
  caseTitle: z.string().max(100_000),
  counts: z.object({
    notes: count,
    sources: count,
    sourceBodies: count,
    entities: count,
    relations: count,
    mentions: count,
    citations: count,
    candidates: count,
  }),
  /** Hex sha256 of the bytes of `case.json`. */
  caseSha256: z.string().regex(SHA256_HEX),
  originals: z.array(z.object({ sha256: z.string().regex(SHA256_HEX), size: count })),
});

export type BackupManifest = z.infer<typeof backupManifestSchema>;
