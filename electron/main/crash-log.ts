/**
 * Errors nothing caught in main (a throw in an event handler, a rejected
 * promise nobody awaited) go to the log file instead of vanishing or ending
 * in Electron's bare error box.
 */

type Report = (message: string, error: unknown) => void;
type ProcessEvents = {
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
};

/** One logger per process: a second install replaces the first (tests load main more than once). */
const INSTALLED = Symbol.for('casebook.crash-log');
type Holder = { [INSTALLED]?: () => void };

export function installCrashLog(target: ProcessEvents, report: Report): () => void {
  const holder = target as unknown as Holder;
  holder[INSTALLED]?.();
  const onException = (error: Error, origin: string) =>
    report(origin === 'unhandledRejection' ? 'Unhandled promise rejection in main' : 'Uncaught exception in main', error);
  const onRejection = (reason: unknown) => report('Unhandled promise rejection in main', reason);
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  const uninstall = () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
    if (holder[INSTALLED] === uninstall) delete holder[INSTALLED];
  };
  holder[INSTALLED] = uninstall;
  return uninstall;
}
