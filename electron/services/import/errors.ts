import type { ImportErrorCode } from '../../../shared/model/imported-source';

/**
 * The one error an import rejects with. `message` is written for the user
 * and already names the file: "scan.pdf: encrypted PDF — remove the password
 * and import again".
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  /** The technical reason (a parser's own words, "Invalid Root reference."), for the log only: never shown. */
  declare readonly detail?: string;
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown; detail?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    const detail = options?.detail ?? technicalDetail(options?.cause);
    if (detail) Object.defineProperty(this, 'detail', { value: detail, enumerable: true });
  }
}

/** A cause's own message, as the log keeps it. */
function technicalDetail(cause: unknown): string | undefined {
  if (cause === undefined || cause === null || cause instanceof ImportError) return undefined;
  const name = (cause as { name?: unknown }).name;
  const message = cause instanceof Error ? cause.message : typeof cause === 'string' ? cause : undefined;
  if (!message) return undefined;
  return `${typeof name === 'string' && name !== 'Error' ? `${name}: ` : ''}${message}`.slice(0, 2000);
}

export const isImportError = (error: unknown): error is ImportError => error instanceof ImportError;

/** The user stopped this file's import. One wording for every parser. */
export const cancelledError = (fileName: string) => new ImportError('cancelled', `${fileName}: import cancelled.`);
