import { casebook, logError } from '../../bridge';

/**
 * Asks main to free originals that no source uses any more (after a case is
 * deleted for good). A failure only leaves files on disk, so it is logged,
 * never shown as an error of the deletion itself.
 */
export async function releaseOriginals(sha256s: readonly string[]): Promise<void> {
  if (sha256s.length === 0 || !casebook) return;
  const result = await casebook.originalsRelease({ sha256s: [...sha256s] });
  if (!result.ok) logError('Freeing the originals of a deleted case failed', new Error(result.error.message));
}
