import type { ImportErrorCode } from '../../../shared/model/imported-source';

/**
 * The one error an import rejects with. `message` is written for the user
 * and already names the file: "scan.pdf: encrypted PDF — remove the password
 * and import again".
 */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const isImportError = (error: unknown): error is ImportError => error instanceof ImportError;

/** The user stopped this file's import. One wording for every parser. */
export const cancelledError = (fileName: string) => new ImportError('cancelled', `${fileName}: import cancelled.`);
