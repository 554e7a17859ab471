import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCloseGuard } from '../../../electron/main/close-guard';

function setup() {
  const calls: string[] = [];
  const guard = createCloseGuard({
    askRenderer: () => calls.push('ask'),
    closeWindow: (force) => calls.push(force ? 'destroy' : 'close'),
    timeoutMs: 3000,
  });
  return { guard, calls };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('close guard', () => {
  it('holds the first close, asks the renderer, and closes when it is ready', () => {
    const { guard, calls } = setup();
    guard.rendererLoaded();
    expect(guard.shouldClose()).toBe(false);
    expect(calls).toEqual(['ask']);
    guard.rendererReady();
    expect(calls).toEqual(['ask', 'close']);
    // The close it triggers comes back through the window's close event.
    expect(guard.shouldClose()).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(calls).toEqual(['ask', 'close']);
  });

  it('asks only once when the user clicks close again while waiting', () => {
    const { guard, calls } = setup();
    guard.rendererLoaded();
    expect(guard.shouldClose()).toBe(false);
    expect(guard.shouldClose()).toBe(false);
    expect(calls).toEqual(['ask']);
  });

  it('destroys the window after 3 s when the renderer never answers', () => {
    const { guard, calls } = setup();
    guard.rendererLoaded();
    guard.shouldClose();
    vi.advanceTimersByTime(2999);
    expect(calls).toEqual(['ask']);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['ask', 'destroy']);
    // A late answer changes nothing.
    guard.rendererReady();
    expect(calls).toEqual(['ask', 'destroy']);
  });

  it('ignores ready-to-close when no close is pending', () => {
    const { guard, calls } = setup();
    guard.rendererLoaded();
    guard.rendererReady();
    expect(calls).toEqual([]);
    expect(guard.shouldClose()).toBe(false);
  });

  it('closes at once when the page never loaded', () => {
    const { guard, calls } = setup();
    expect(guard.shouldClose()).toBe(true);
    expect(calls).toEqual([]);
  });

  it('closes at once after the renderer is gone', () => {
    const { guard, calls } = setup();
    guard.rendererLoaded();
    guard.rendererGone();
    expect(guard.shouldClose()).toBe(true);
    expect(calls).toEqual([]);
  });

  it('stops waiting if the renderer dies mid-handshake', () => {
    const { guard, calls } = setup();
    guard.rendererLoaded();
    guard.shouldClose();
    guard.rendererGone();
    expect(calls).toEqual(['ask', 'destroy']);
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual(['ask', 'destroy']);
  });

  it('lets the close through when the renderer cannot be asked', () => {
    const closeWindow = vi.fn();
    const guard = createCloseGuard({
      askRenderer: () => {
        throw new Error('Object has been destroyed');
      },
      closeWindow,
      timeoutMs: 3000,
    });
    guard.rendererLoaded();
    expect(guard.shouldClose()).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(closeWindow).not.toHaveBeenCalled();
  });
});
