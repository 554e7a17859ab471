import { unzipSync } from 'fflate';

/** Limits for reading an untrusted archive; every size is in bytes, as declared before inflating. */
export interface UnzipLimits {
  maxArchiveBytes: number;
  maxEntries: number;
  /** The most one entry may declare, by name (the first pattern that matches). */
  maxEntryBytes: (name: string) => number;
  maxTotalBytes: number;
}

export type UnzipFailure =
  | { kind: 'corrupt'; detail: string }
  | { kind: 'unexpected-entry'; name: string }
  /** `name` and `size` when one entry is over its own limit. */
  | { kind: 'too-large'; detail: string; name?: string; size?: number };

/**
 * Unzips an archive we did not write ourselves, deciding from the central
 * directory, before anything is inflated, whether to trust it: only names
 * `allowName` accepts (no paths of our choosing can be smuggled in: the
 * caller matches exact names), no name twice, only stored or deflated
 * entries, and declared sizes under the limits. fflate inflates each entry
 * into a buffer of its declared size and no larger, so a header that lies
 * yields a short or cut-off entry (caught by the caller's checksums), never
 * a bomb. Never throws.
 */
export function safeUnzip(
  bytes: Uint8Array,
  allowName: (name: string) => boolean,
  limits: UnzipLimits,
): { ok: true; files: Map<string, Uint8Array> } | { ok: false; failure: UnzipFailure } {
  if (bytes.length > limits.maxArchiveBytes) return { ok: false, failure: { kind: 'too-large', detail: `the file is over ${limits.maxArchiveBytes} bytes` } };
  let failure: UnzipFailure | undefined;
  const seen = new Set<string>();
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (failure) return false;
        if (!allowName(entry.name) || seen.has(entry.name)) failure = { kind: 'unexpected-entry', name: entry.name };
        else if (entry.compression !== 0 && entry.compression !== 8) failure = { kind: 'corrupt', detail: `entry ${entry.name} uses compression method ${entry.compression}` };
        else if (seen.size >= limits.maxEntries) failure = { kind: 'too-large', detail: `more than ${limits.maxEntries} entries` };
        else if (entry.originalSize > limits.maxEntryBytes(entry.name)) failure = { kind: 'too-large', detail: `${entry.name} is ${entry.originalSize} bytes`, name: entry.name, size: entry.originalSize };
        else if ((total += entry.originalSize) > limits.maxTotalBytes) failure = { kind: 'too-large', detail: `the contents add up to more than ${limits.maxTotalBytes} bytes` };
        seen.add(entry.name);
        return !failure;
      },
    });
  } catch (error) {
    return { ok: false, failure: failure ?? { kind: 'corrupt', detail: (error as Error).message } };
  }
  if (failure) return { ok: false, failure };
  return { ok: true, files: new Map(Object.entries(files)) };
}
