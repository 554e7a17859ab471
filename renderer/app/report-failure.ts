import { logError } from '../bridge';
import type { Toasts } from './toasts';

/** A user action that failed: logged for us, and said to the user in an error toast. */
export function reportFailure(toasts: Toasts, what: string, error: unknown): void {
  logError(`${what} failed`, error);
  toasts.show({ tone: 'error', message: error instanceof Error ? error.message : `${what} failed.` });
}
