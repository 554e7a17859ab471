/**
 * True when IndexedDB refused a write for lack of space. Dexie sometimes
 * wraps the browser's QuotaExceededError as `inner`.
 */
export function isQuotaExceeded(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null | undefined;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}
