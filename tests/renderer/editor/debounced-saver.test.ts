import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDebouncedSaver, type SaveState } from '../../../renderer/features/editor/debounced-saver';

/** A save the test finishes by hand, recording what it was asked to write and how many ran at once. */
function harness(delay = 500) {
  const calls: { value: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const states: SaveState[] = [];
  const errors: unknown[] = [];
  let running = 0;
  let maxRunning = 0;
  const saver = createDebouncedSaver<string>({
    delay,
    save: (value) =>
      new Promise<void>((resolve, reject) => {
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const done = () => (running -= 1);
        calls.push({ value, resolve: () => (done(), resolve()), reject: (e) => (done(), reject(e)) });
      }),
    onState: (s) => states.push(s),
    onError: (e) => errors.push(e),
  });
  return { saver, calls, states, errors, maxRunning: () => maxRunning };
}

/** Lets promise callbacks run without moving the clock. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createDebouncedSaver', () => {
  it('saves once, after the delay of quiet, with the latest value', async () => {
    const h = harness(500);
    h.saver.schedule('a');
    await vi.advanceTimersByTimeAsync(300);
    h.saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(300);
    h.saver.schedule('abc');
    await vi.advanceTimersByTimeAsync(499);
    expect(h.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls.map((c) => c.value)).toEqual(['abc']);
    h.calls[0]?.resolve();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.calls).toHaveLength(1);
  });

  it('reports pending, then saving, then saved', async () => {
    const h = harness();
    h.saver.schedule('a');
    expect(h.states).toEqual(['pending']);
    await vi.advanceTimersByTimeAsync(500);
    expect(h.states).toEqual(['pending', 'saving']);
    h.calls[0]?.resolve();
    await settle();
    expect(h.states).toEqual(['pending', 'saving', 'saved']);
  });

  it('flush saves at once and resolves when the save is done', async () => {
    const h = harness();
    h.saver.schedule('draft');
    let flushed = false;
    const flushing = h.saver.flush().then(() => (flushed = true));
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['draft']);
    expect(flushed).toBe(false);
    h.calls[0]?.resolve();
    await flushing;
    expect(h.states.at(-1)).toBe('saved');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(h.calls).toHaveLength(1); // the debounce timer was cancelled
    await h.saver.flush(); // nothing pending: nothing saved
    expect(h.calls).toHaveLength(1);
  });

  it('never runs two saves at once: a change during a slow save is saved after it, newest value', async () => {
    const h = harness(100);
    h.saver.schedule('v1');
    await vi.advanceTimersByTimeAsync(100);
    expect(h.calls.map((c) => c.value)).toEqual(['v1']);
    h.saver.schedule('v2');
    h.saver.schedule('v3');
    await vi.advanceTimersByTimeAsync(1_000); // the debounce fires while v1 is still being written
    expect(h.calls.map((c) => c.value)).toEqual(['v1']);
    expect(h.states.at(-1)).toBe('pending');
    h.calls[0]?.resolve();
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['v1', 'v3']);
    h.calls[1]?.resolve();
    await settle();
    expect(h.maxRunning()).toBe(1);
    expect(h.states).toEqual(['pending', 'saving', 'pending', 'pending', 'pending', 'saving', 'saved']);
  });

  it('a flush during a slow save waits for it, then saves the newest value', async () => {
    const h = harness(100);
    h.saver.schedule('v1');
    await vi.advanceTimersByTimeAsync(100);
    h.saver.schedule('v2');
    const flushing = h.saver.flush();
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['v1']);
    h.calls[0]?.resolve();
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['v1', 'v2']);
    h.calls[1]?.resolve();
    await flushing;
    expect(h.maxRunning()).toBe(1);
  });

  // Window close awaits flush() before letting main close the window.
  it('flush resolves only after the newest value is written, even when the debounce already fired', async () => {
    const h = harness(100);
    h.saver.schedule('v1');
    await vi.advanceTimersByTimeAsync(100); // v1 is being written, slowly
    h.saver.schedule('v2');
    await vi.advanceTimersByTimeAsync(100); // the debounce for v2 fires and waits for v1
    let flushed = false;
    const flushing = h.saver.flush().then(() => (flushed = true));
    h.calls[0]?.resolve();
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['v1', 'v2']);
    expect(flushed, 'flush() resolved while v2 was still being written').toBe(false);
    h.calls[1]?.resolve();
    await flushing;
    expect(flushed).toBe(true);
  });

  it('a failed save reports error and onError, keeps the value, and the next flush retries it', async () => {
    const h = harness();
    h.saver.schedule('keep me');
    const first = h.saver.flush();
    await settle();
    const failure = new Error('QuotaExceededError');
    h.calls[0]?.reject(failure);
    await expect(first).resolves.toBeUndefined();
    expect(h.states.at(-1)).toBe('error');
    expect(h.errors).toEqual([failure]);

    const retry = h.saver.flush();
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['keep me', 'keep me']);
    h.calls[1]?.resolve();
    await retry;
    expect(h.states.at(-1)).toBe('saved');
  });

  it('after a failure, a newer change wins over the failed value', async () => {
    const h = harness();
    h.saver.schedule('old');
    void h.saver.flush();
    await settle();
    h.saver.schedule('new'); // typed while the failing save was running
    h.calls[0]?.reject(new Error('disk'));
    await settle();
    expect(h.states.at(-1)).toBe('error');
    const retry = h.saver.flush();
    await settle();
    expect(h.calls.map((c) => c.value)).toEqual(['old', 'new']);
    h.calls[1]?.resolve();
    await retry;
    expect(h.states.at(-1)).toBe('saved');
  });
});
