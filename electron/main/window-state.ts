import { join } from 'node:path';

/**
 * The main window's size and place, remembered across launches in
 * `<userData>/window-state.json`. Plain code: the file system, the displays
 * and the timer are passed in, so it is tested in Node without Electron.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState extends Rect {
  maximized: boolean;
}

/** What the window is created with: a place only when a remembered one is still on screen. */
export interface InitialWindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
export const SAVE_DELAY_MS = 500;
/** How much of a saved window must be on a display for it to come back there. */
const MIN_VISIBLE_PX = 64;

export function windowStatePath(userDataDir: string): string {
  return join(userDataDir, WINDOW_STATE_FILE);
}

const MAX_COORD = 100_000;
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

/** The saved state, or null for anything that is not one (missing, hand-edited, from a bug). */
export function parseWindowState(value: unknown): SavedWindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!isInt(v.x, -MAX_COORD, MAX_COORD) || !isInt(v.y, -MAX_COORD, MAX_COORD)) return null;
  if (!isInt(v.width, 1, MAX_COORD) || !isInt(v.height, 1, MAX_COORD)) return null;
  if (typeof v.maximized !== 'boolean') return null;
  return { x: Math.round(v.x), y: Math.round(v.y), width: Math.round(v.width), height: Math.round(v.height), maximized: v.maximized };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

const clamp = (v: number, min: number, max: number) => Math.min(Math.max(v, min), Math.max(min, max));

export interface FitOptions {
  /** Work areas of the connected displays (Electron's `display.workArea`). */
  displays: readonly Rect[];
  primary: Rect;
  defaultSize: { width: number; height: number };
  minSize: { width: number; height: number };
}

/**
 * Where the window opens. A saved window comes back on the display it was
 * mostly on, shrunk to fit and pulled fully inside its work area; one saved
 * on a display that is gone (or nothing saved) opens centred on the primary.
 */
export function initialBounds(saved: SavedWindowState | null, options: FitOptions): InitialWindowBounds {
  const { primary, defaultSize, minSize } = options;
  const fitSize = (area: Rect, size: { width: number; height: number }) => ({
    width: clamp(size.width, Math.min(minSize.width, area.width), area.width),
    height: clamp(size.height, Math.min(minSize.height, area.height), area.height),
  });
  if (!saved) return { ...fitSize(primary, defaultSize), maximized: false };

  let best: { area: Rect; visible: number } | null = null;
  for (const area of options.displays) {
    const o = overlap(saved, area);
    if (o.width < MIN_VISIBLE_PX || o.height < MIN_VISIBLE_PX) continue;
    const visible = o.width * o.height;
    if (!best || visible > best.visible) best = { area, visible };
  }
  if (!best) {
    const size = fitSize(primary, saved);
    return {
      x: primary.x + Math.round((primary.width - size.width) / 2),
      y: primary.y + Math.round((primary.height - size.height) / 2),
      ...size,
      maximized: saved.maximized,
    };
  }
  const { area } = best;
  const size = fitSize(area, saved);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.y, area.y, area.y + area.height - size.height),
    ...size,
    maximized: saved.maximized,
  };
}

/** The Node fs calls used, synchronous: the last save happens as the window closes. */
export interface WindowStateFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, encoding: 'utf8'): void;
  renameSync(from: string, to: string): void;
  mkdirSync(path: string, options: { recursive: true }): unknown;
}

/** The parts of a BrowserWindow that are watched. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
}

export interface WindowStateStoreOptions {
  userDataDir: string;
  fs: WindowStateFs;
  /** Failures to save are reported, never thrown: losing a window size is not worth an error dialog. */
  onError?: (message: string, error: unknown) => void;
  delayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export function createWindowStateStore(options: WindowStateStoreOptions) {
  const { fs } = options;
  const file = windowStatePath(options.userDataDir);
  const delayMs = options.delayMs ?? SAVE_DELAY_MS;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const report = options.onError ?? (() => undefined);

  function load(): SavedWindowState | null {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return null; // first launch
    }
    try {
      return parseWindowState(JSON.parse(text));
    } catch {
      return null;
    }
  }

  function save(state: SavedWindowState): void {
    try {
      fs.mkdirSync(options.userDataDir, { recursive: true });
      const temp = `${file}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(state), 'utf8');
      fs.renameSync(temp, file);
    } catch (error) {
      report('Could not save the window state', error);
    }
  }

  /** Saves the window's state after moves and resizes settle, and at once when it closes. */
  function track(window: TrackedWindow): void {
    let timer: unknown = null;
    const snapshot = (): SavedWindowState | null => {
      // Minimized or full screen are not places to come back to; keep what was saved before.
      if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return null;
      // The normal bounds, so a maximized window un-maximizes to where it was.
      return { ...window.getNormalBounds(), maximized: window.isMaximized() };
    };
    const flush = () => {
      if (timer !== null) clearTimer(timer);
      timer = null;
      const state = snapshot();
      if (state) save(state);
    };
    const schedule = () => {
      if (timer !== null) clearTimer(timer);
      timer = setTimer(flush, delayMs);
    };
    window.on('resize', schedule);
    window.on('move', schedule);
    window.on('close', flush);
  }

  return { path: file, load, save, track };
}
export type WindowStateStore = ReturnType<typeof createWindowStateStore>;
