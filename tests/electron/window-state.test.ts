import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWindowStateStore,
  initialBounds,
  parseWindowState,
  type Rect,
  type SavedWindowState,
} from '../../electron/main/window-state';
import { installCrashLog } from '../../electron/main/crash-log';

const PRIMARY: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const fit = (saved: SavedWindowState | null, displays: Rect[] = [PRIMARY, RIGHT]) =>
  initialBounds(saved, { displays, primary: PRIMARY, defaultSize: { width: 1440, height: 900 }, minSize: { width: 960, height: 600 } });

describe('parseWindowState', () => {
  it('accepts a saved state and rejects anything else', () => {
    expect(parseWindowState({ x: 10, y: 20, width: 1200, height: 800, maximized: false })).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
    for (const bad of [null, 'x', [], {}, { x: 1, y: 2, width: 0, height: 5, maximized: false }, { x: 'a', y: 0, width: 9, height: 9, maximized: true },
      { x: 0, y: 0, width: 900, height: 900 }, { x: Infinity, y: 0, width: 900, height: 900, maximized: false }, { x: 0, y: 0, width: 1e9, height: 900, maximized: false }]) {
      expect(parseWindowState(bad)).toBeNull();
    }
  });
});

describe('initialBounds', () => {
  it('without a saved state: the default size, no position (Electron centres it)', () => {
    expect(fit(null)).toEqual({ width: 1440, height: 900, maximized: false });
  });

  it('a window still on screen comes back where it was', () => {
    expect(fit({ x: 2100, y: 100, width: 1600, height: 1000, maximized: true })).toEqual({ x: 2100, y: 100, width: 1600, height: 1000, maximized: true });
  });

  it('a window saved on a monitor that is gone comes back centred on the primary', () => {
    expect(fit({ x: 2100, y: 100, width: 1600, height: 1000, maximized: false }, [PRIMARY])).toEqual({ x: 160, y: 20, width: 1600, height: 1000, maximized: false });
  });

  it('a window hanging off the edge is pulled inside the display it is mostly on, and shrunk to fit', () => {
    expect(fit({ x: -300, y: 500, width: 1400, height: 900, maximized: false })).toEqual({ x: 0, y: 140, width: 1400, height: 900, maximized: false });
    expect(fit({ x: 1800, y: -50, width: 3000, height: 2000, maximized: false })).toEqual({ x: 1920, y: 0, width: 2560, height: 1400, maximized: false });
  });

  it('a window with only a sliver on screen counts as off screen', () => {
    expect(fit({ x: 1900, y: 2000, width: 1000, height: 700, maximized: false })).toMatchObject({ x: 460, y: 170 });
  });

  it('never goes below the minimum size unless the display itself is smaller', () => {
    expect(fit({ x: 10, y: 10, width: 200, height: 100, maximized: false })).toMatchObject({ width: 960, height: 600 });
    const small: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(initialBounds({ x: 0, y: 0, width: 1440, height: 900, maximized: false }, { displays: [small], primary: small, defaultSize: { width: 1440, height: 900 }, minSize: { width: 960, height: 600 } }))
      .toEqual({ x: 0, y: 0, width: 800, height: 560, maximized: false });
  });
});

class FakeWindow extends EventEmitter {
  bounds: Rect = { x: 100, y: 50, width: 1300, height: 850 };
  maximized = false;
  minimized = false;
  fullScreen = false;
  destroyed = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isMinimized = () => this.minimized;
  isFullScreen = () => this.fullScreen;
  isDestroyed = () => this.destroyed;
}

describe('createWindowStateStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casebook-window-state-'));
  });
  afterEach(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads nothing on first launch, or from a broken file', async () => {
    const store = createWindowStateStore({ userDataDir: dir, fs });
    expect(store.load()).toBeNull();
    await writeFile(store.path, '{"x": 1, ');
    expect(store.load()).toBeNull();
    await writeFile(store.path, JSON.stringify({ x: 1, y: 2, width: 3 }));
    expect(store.load()).toBeNull();
  });

  it('saves after moves and resizes settle (debounced), and at once on close', async () => {
    vi.useFakeTimers();
    const store = createWindowStateStore({ userDataDir: join(dir, 'new-folder'), fs, delayMs: 500 });
    const window = new FakeWindow();
    store.track(window);
    window.emit('move');
    window.bounds = { x: 120, y: 60, width: 1300, height: 850 };
    window.emit('resize');
    vi.advanceTimersByTime(499);
    expect(store.load()).toBeNull();
    vi.advanceTimersByTime(1);
    expect(store.load()).toEqual({ x: 120, y: 60, width: 1300, height: 850, maximized: false });

    window.maximized = true;
    window.bounds = { x: 130, y: 70, width: 1200, height: 800 };
    window.emit('resize');
    window.emit('close');
    // Saved by the close, not the timer; the timer is gone.
    expect(store.load()).toEqual({ x: 130, y: 70, width: 1200, height: 800, maximized: true });
    expect(vi.getTimerCount()).toBe(0);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({ x: 130, y: 70, width: 1200, height: 800, maximized: true });
  });

  it('keeps the last good state when the window closes minimized or full screen', () => {
    const store = createWindowStateStore({ userDataDir: dir, fs });
    const window = new FakeWindow();
    store.track(window);
    window.emit('close');
    window.minimized = true;
    window.bounds = { x: -32000, y: -32000, width: 160, height: 28 };
    window.emit('close');
    window.minimized = false;
    window.fullScreen = true;
    window.emit('close');
    expect(store.load()).toEqual({ x: 100, y: 50, width: 1300, height: 850, maximized: false });
  });

  it('reports a failed save instead of throwing', () => {
    const onError = vi.fn();
    const failing = { ...fs, writeFileSync: () => { throw new Error('disk full'); } } as unknown as typeof fs;
    const store = createWindowStateStore({ userDataDir: dir, fs: failing, onError });
    store.save({ x: 0, y: 0, width: 1000, height: 700, maximized: false });
    expect(onError).toHaveBeenCalledWith('Could not save the window state', expect.any(Error));
  });
});

describe('installCrashLog', () => {
  it('logs uncaught exceptions and unhandled rejections; a second install replaces the first', () => {
    const target = new EventEmitter();
    const first = vi.fn();
    const second = vi.fn();
    installCrashLog(target as never, first);
    const uninstall = installCrashLog(target as never, second);
    expect(target.listenerCount('uncaughtException')).toBe(1);
    const error = new Error('boom');
    target.emit('uncaughtException', error, 'uncaughtException');
    target.emit('unhandledRejection', 'why');
    expect(first).not.toHaveBeenCalled();
    expect(second.mock.calls).toEqual([
      ['Uncaught exception in main', error],
      ['Unhandled promise rejection in main', 'why'],
    ]);
    uninstall();
    expect(target.listenerCount('uncaughtException') + target.listenerCount('unhandledRejection')).toBe(0);
  });
});
