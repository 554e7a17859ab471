import { zipSync, type Zippable } from 'fflate';
import { MAX_SOURCE_BYTES } from '../model';
import { caseSnapshotSchema, countSnapshot, type CaseSnapshot } from './case-snapshot';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  CASE_ENTRY,
  MANIFEST_ENTRY,
  ORIGINALS_FOLDER,
  backupManifestSchema,
  originalEntry,
  type BackupManifest,
} from './backup-manifest';
import { measureJson } from './json-shape';
import { safeUnzip, type UnzipLimits } from './safe-unzip';
import { sha256Hex } from './sha256';

/**
 * The `.casebook` backup: one zip holding
 *   manifest.json          what it is (format, version), what it holds (counts,
 *                          originals with sizes) and the sha256 of case.json
 *   case.json              the CaseSnapshot, lossless
 *   originals/<sha256>     each imported file, byte for byte
 * Reading one trusts nothing: names, sizes, the checksum, the content's
 * shape and every original's hash are checked before anything is returned,
 * and a failure is a typed error the UI can explain.
 */

export type BackupErrorCode =
  | 'not-a-backup'
  | 'corrupt'
  | 'unsupported-version'
  | 'checksum-mismatch'
  | 'invalid-content'
  | 'original-missing'
  | 'original-mismatch'
  | 'original-unused'
  | 'unexpected-entry'
  | 'too-large';

export interface BackupError {
  code: BackupErrorCode;
  /** Written for the user. */
  message: string;
  /** For `invalid-content`: where in case.json (or manifest.json) the problem is. */
  path?: (string | number)[];
}

export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: BackupError };

export interface DecodedBackup {
  manifest: BackupManifest;
  snapshot: CaseSnapshot;
  /** sha256 → the original file's bytes, each checked against its name. */
  originals: Map<string, Uint8Array>;
}

export interface BackupLimits extends UnzipLimits {
  /** Deepest nesting of a note document; deeper ones are refused before validation recurses. */
  maxContentDepth: number;
  /**
   * What parsing case.json may cost, counted on its bytes before it is parsed
   * (json-shape.ts): objects and arrays, and their elements and members.
   */
  maxCaseContainers: number;
  maxCaseMembers: number;
}

/** The most case.json may unpack to; more is refused before it is inflated. */
export const MAX_CASE_JSON_BYTES = 256 * 1024 ** 2;

/**
 * Restoring happens in main, where running out of heap is a crash. Parsed,
 * then copied by the zod check, case.json costs about 300 bytes of heap per
 * object or array (measured: a realistic case of 130 MB and 3 million of
 * them peaks near 1 GB; 256 MB of `{},` would have taken over 10 GB), so
 * the counts are capped, not only the size. Three million objects and
 * arrays is about ten times a case of 10,000 notes and 50,000 entities.
 */
export const DEFAULT_BACKUP_LIMITS: BackupLimits = {
  maxArchiveBytes: 2 * 1024 ** 3,
  maxEntries: 100_000,
  maxEntryBytes: (name) => (name === MANIFEST_ENTRY ? 16 * 1024 ** 2 : name === CASE_ENTRY ? MAX_CASE_JSON_BYTES : MAX_SOURCE_BYTES),
  maxTotalBytes: 4 * 1024 ** 3,
  maxContentDepth: 400,
  maxCaseContainers: 3_000_000,
  maxCaseMembers: 12_000_000,
};

export interface EncodeOptions {
  appVersion: string;
  now?: Date;
}

/**
 * Writes a case and its originals as backup bytes. Only originals of the
 * case's own sources go in (a map holding other files leaks nothing), and
 * each must hash to its key: a backup never carries a file under a false name.
 */
export async function encodeBackup(snapshot: CaseSnapshot, originals: ReadonlyMap<string, Uint8Array>, options: EncodeOptions): Promise<Uint8Array> {
  const caseJson = new TextEncoder().encode(JSON.stringify(snapshot));
  const wanted = new Map(snapshot.sources.map((s) => [s.sha256, s.format]));
  const entries: Zippable = {};
  const listed: BackupManifest['originals'] = [];
  for (const [sha256, bytes] of [...originals].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!wanted.has(sha256)) continue;
    if ((await sha256Hex(bytes)) !== sha256) throw new Error(`The original stored as ${sha256} does not match its hash.`);
    // PDF and DOCX are compressed already: deflating them again costs time for nothing.
    const format = wanted.get(sha256);
    entries[originalEntry(sha256)] = [bytes, { level: format === 'pdf' || format === 'docx' ? 0 : 6 }];
    listed.push({ sha256, size: bytes.length });
  }
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    appVersion: options.appVersion,
    caseId: snapshot.case.id,
    caseTitle: snapshot.case.title,
    counts: countSnapshot(snapshot),
    caseSha256: await sha256Hex(caseJson),
    originals: listed,
  };
  entries[MANIFEST_ENTRY] = [new TextEncoder().encode(JSON.stringify(manifest, null, 2)), { level: 6 }];
  entries[CASE_ENTRY] = [caseJson, { level: 6 }];
  return zipSync(entries);
}

const ORIGINAL_NAME = /^originals\/[0-9a-f]{64}$/;

/** Exactly the names a backup may hold; "originals/" alone is a folder entry some zip tools add. */
const isBackupEntryName = (name: string) => name === MANIFEST_ENTRY || name === CASE_ENTRY || name === ORIGINALS_FOLDER || ORIGINAL_NAME.test(name);

const fail = (code: BackupErrorCode, message: string, path?: (string | number)[]): BackupResult<never> => ({ ok: false, error: { code, message, ...(path ? { path } : {}) } });

/** Reads backup bytes, checking everything; never throws for bad input. */
export async function decodeBackup(bytes: Uint8Array, limits: BackupLimits = DEFAULT_BACKUP_LIMITS): Promise<BackupResult<DecodedBackup>> {
  if (!startsLikeZip(bytes)) return fail('not-a-backup', 'This file is not a Casebook backup.');
  const unzipped = safeUnzip(bytes, isBackupEntryName, limits);
  if (!unzipped.ok) {
    const f = unzipped.failure;
    if (f.kind === 'unexpected-entry') return fail('unexpected-entry', `This backup holds a file it should not (“${f.name.slice(0, 200)}”), so it was not read.`);
    if (f.kind === 'too-large' && f.name === CASE_ENTRY) {
      return fail('too-large', `This backup’s case data is too large to restore (${megabytes(f.size ?? 0)} unpacked; Casebook restores up to ${megabytes(limits.maxEntryBytes(CASE_ENTRY))}).`);
    }
    if (f.kind === 'too-large') return fail('too-large', `This backup is too large to restore (${f.detail}).`);
    return fail('corrupt', 'This backup is damaged or incomplete (was it cut short while copying?).');
  }
  const files = unzipped.files;

  const manifestBytes = files.get(MANIFEST_ENTRY);
  if (!manifestBytes) return fail('not-a-backup', 'This zip file is not a Casebook backup (it has no manifest).');
  const rawManifest = parseJson(manifestBytes);
  if (!rawManifest.ok) return fail('corrupt', 'This backup’s manifest is damaged.');
  const head = rawManifest.value as { format?: unknown; version?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT) return fail('not-a-backup', 'This zip file is not a Casebook backup.');
  if (head.version !== BACKUP_VERSION) {
    const newer = typeof head.version === 'number' && head.version > BACKUP_VERSION;
    return fail('unsupported-version', newer
      ? `This backup was made by a newer Casebook (format ${head.version}). Update Casebook to restore it.`
      : `This backup’s format (${String(head.version).slice(0, 20)}) is not one Casebook can read.`);
  }
  const manifest = backupManifestSchema.safeParse(rawManifest.value);
  if (!manifest.success) {
    const issue = manifest.error.issues[0]!;
    return fail('invalid-content', `This backup’s manifest is not valid at ${describePath(issue.path)}: ${issue.message}.`, ['manifest', ...toPath(issue.path)]);
  }

  let caseBytes = files.get(CASE_ENTRY);
  if (!caseBytes) return fail('corrupt', 'This backup is incomplete: the case itself is missing.');
  if ((await sha256Hex(caseBytes)) !== manifest.data.caseSha256) {
    return fail('checksum-mismatch', 'This backup has been changed since it was made (its case data does not match its checksum), so it was not restored.');
  }
  // Measured before parsing: the root is at depth 1 here, at 0 for maxContentDepth.
  const shape = measureJson(caseBytes, { maxContainers: limits.maxCaseContainers, maxMembers: limits.maxCaseMembers, maxDepth: limits.maxContentDepth + 1 });
  if (!shape.ok && shape.over === 'depth') return fail('invalid-content', 'This backup’s case data is nested too deeply to be a Casebook case.');
  if (!shape.ok) {
    const what = shape.over === 'containers' ? 'objects and lists' : 'values';
    return fail('too-large', `This backup’s case is too large to restore at once: its data holds more than ${shape.limit.toLocaleString('en-US')} ${what}.`);
  }
  // One copy at a time: the bytes go once they are text, the text once it is parsed.
  let caseText = decodeUtf8(caseBytes);
  files.delete(CASE_ENTRY);
  // eslint-disable-next-line no-useless-assignment -- drops the last reference, so the bytes can be collected while parsing
  caseBytes = undefined;
  if (caseText === null) return fail('invalid-content', 'This backup’s case data is not valid JSON.');
  let rawCase = parseJson(caseText);
  // eslint-disable-next-line no-useless-assignment -- as above, for the text
  caseText = null;
  if (!rawCase.ok) return fail('invalid-content', 'This backup’s case data is not valid JSON.');
  const parsed = caseSnapshotSchema.safeParse(rawCase.value);
  // eslint-disable-next-line no-useless-assignment -- as above, for the parsed value while zod copies it
  rawCase = { ok: false };
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail('invalid-content', `This backup’s case data is not valid at ${describePath(issue.path)}: ${issue.message}.`, toPath(issue.path));
  }
  const snapshot = parsed.data;
  const counts = countSnapshot(snapshot);
  const countsDiffer = (Object.keys(counts) as (keyof typeof counts)[]).some((k) => counts[k] !== manifest.data.counts[k]);
  if (snapshot.case.id !== manifest.data.caseId || countsDiffer) {
    return fail('invalid-content', 'This backup’s manifest does not describe the case it holds.', ['manifest']);
  }

  const originals = new Map<string, Uint8Array>();
  const listed = new Set<string>();
  const used = new Set(snapshot.sources.map((s) => s.sha256));
  for (const { sha256, size } of manifest.data.originals) {
    listed.add(sha256);
    // A restore stores every original it brings; one no source uses would be a file nobody can see or delete.
    if (!used.has(sha256)) {
      return fail('original-unused', `This backup holds a file no source of its case uses (${sha256.slice(0, 12)}…), so it was not restored.`);
    }
    const original = files.get(originalEntry(sha256));
    if (!original) return fail('original-missing', `This backup is incomplete: the original file ${sha256.slice(0, 12)}… is missing.`);
    if (original.length !== size || (await sha256Hex(original)) !== sha256) {
      return fail('original-mismatch', `The original file ${sha256.slice(0, 12)}… in this backup is damaged (its contents do not match its fingerprint).`);
    }
    originals.set(sha256, original);
  }
  for (const name of files.keys()) {
    if (name.startsWith(ORIGINALS_FOLDER) && name !== ORIGINALS_FOLDER && !listed.has(name.slice(ORIGINALS_FOLDER.length))) {
      return fail('unexpected-entry', `This backup holds a file its manifest does not list (“${name}”), so it was not read.`);
    }
  }
  return { ok: true, value: { manifest: manifest.data, snapshot, originals } };
}

/** Local file header, or the end record of an empty archive. */
function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function parseJson(bytesOrText: Uint8Array | string): { ok: true; value: unknown } | { ok: false } {
  const text = typeof bytesOrText === 'string' ? bytesOrText : decodeUtf8(bytesOrText);
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-US')} MB`;

const toPath = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'number' ? p : String(p)));
const describePath = (path: readonly PropertyKey[]) => (path.length ? toPath(path).join('.') : 'the top level');
