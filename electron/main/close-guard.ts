export interface CloseGuardOptions {
  /** Sends `app:before-close` so the renderer flushes pending saves. */
  askRenderer: () => void;
  /** Closes the window for real; `force` when the renderer never answered (destroy, don't wait on it). */
  closeWindow: (force: boolean) => void;
  timeoutMs: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface CloseGuard {
  /** From the window's `close` event: true lets it close, false means "preventDefault, we asked". */
  shouldClose(): boolean;
  /** The renderer called `window:ready-to-close`. */
  rendererReady(): void;
  /** The page finished loading: from now on it can be asked. */
  rendererLoaded(): void;
  /** The renderer crashed or was killed: nobody to ask, close at once. */
  rendererGone(): void;
}

/**
 * The window close handshake, without Electron so it can be tested. A lost
 * last sentence is worse than a short wait, so the first close asks the
 * renderer to flush; a hung renderer must not keep the window open, so a timer
 * closes it anyway. A page that never loaded or has crashed is not asked.
 */
export function createCloseGuard(options: CloseGuardOptions): CloseGuard {
  const setTimer = options.setTimer ?? ((cb, ms) => setTimeout(cb, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let state: 'open' | 'waiting' | 'released' = 'open';
  let rendererAlive = false;
  let timer: unknown;

  function release(force: boolean): void {
    if (state === 'released') return;
    state = 'released';
    if (timer !== undefined) clearTimer(timer);
    options.closeWindow(force);
  }

  return {
    shouldClose() {
      if (state === 'released' || !rendererAlive) {
        state = 'released';
        return true;
      }
      if (state === 'open') {
        state = 'waiting';
        timer = setTimer(() => release(true), options.timeoutMs);
        try {
          options.askRenderer();
        } catch {
          // The renderer can't be reached: let this close go ahead now.
          state = 'released';
          clearTimer(timer);
          return true;
        }
      }
      return false;
    },
    rendererReady() {
      if (state === 'waiting') release(false);
    },
    rendererLoaded() {
      rendererAlive = true;
    },
    rendererGone() {
      rendererAlive = false;
      if (state === 'waiting') release(true);
    },
  };
}
