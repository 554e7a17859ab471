import { describe, expect, it } from 'vitest';
import { createPreference, type KeyValueStorage } from '../../../renderer/app/preferences';
import { parseThemeChoice, resolveTheme, startTheme } from '../../../renderer/app/theme';
import { PANE_WIDTHS, clampWidth, createPaneLayout, inspectorMode, parseLayout } from '../../../renderer/app/pane-layout';
import { nextRegion } from '../../../renderer/app/pane-focus';
import { caretMove } from '../../../renderer/features/sources/caret-browsing';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (k) => data[k] ?? null, setItem: (k, v) => void (data[k] = v) };
}

/** A stand-in for a MediaQueryList the test can flip. */
function media(matches: boolean) {
  const listeners = new Set<() => void>();
  return {
    matches,
    addEventListener: (_: 'change', l: () => void) => void listeners.add(l),
    removeEventListener: (_: 'change', l: () => void) => void listeners.delete(l),
    flip(to: boolean) {
      this.matches = to;
      listeners.forEach((l) => l());
    },
  };
}

describe('preferences', () => {
  it('remembers JSON, parses what comes back, and survives a storage that throws', () => {
    const storage = memoryStorage({ k: '{"broken' });
    const pref = createPreference(storage, 'k', (raw) => (typeof raw === 'number' ? raw : 1));
    expect(pref.get()).toBe(1);
    pref.set(5);
    expect(storage.data.k).toBe('5');
    expect(createPreference(storage, 'k', (raw) => (typeof raw === 'number' ? raw : 1)).get()).toBe(5);
    const throwing: KeyValueStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('full'); } };
    const kept = createPreference(throwing, 'k', (raw) => raw === true);
    kept.set(true);
    expect(kept.get()).toBe(true);
  });
});

describe('the theme', () => {
  it('follows the system unless Light or Dark was chosen, and remembers the choice', () => {
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('purple')).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
    const storage = memoryStorage();
    const systemDark = media(false);
    const root = { dataset: {} as DOMStringMap, style: { colorScheme: '' } };
    const theme = startTheme({ storage, systemDark, root });
    expect(root.dataset.theme).toBe('light');
    systemDark.flip(true);
    expect(root.dataset.theme).toBe('dark');
    expect(root.style.colorScheme).toBe('dark');
    theme.choice.set('light');
    expect(root.dataset.theme).toBe('light');
    expect(root.dataset.themeChoice).toBe('light');
    expect(JSON.parse(storage.data['casebook:theme']!)).toBe('light');
    // The next window starts with it.
    const again = { dataset: {} as DOMStringMap, style: { colorScheme: '' } };
    startTheme({ storage, systemDark, root: again });
    expect(again.dataset.theme).toBe('light');
  });
});

describe('the pane layout', () => {
  it('keeps widths inside their limits and reads back only a valid layout', () => {
    expect(clampWidth('sidebar', 10)).toBe(PANE_WIDTHS.sidebar.min);
    expect(clampWidth('inspector', 5000)).toBe(PANE_WIDTHS.inspector.max);
    expect(clampWidth('sidebar', Number.NaN)).toBe(PANE_WIDTHS.sidebar.initial);
    expect(parseLayout({ sidebarWidth: 300, inspectorWidth: '9', sidebarCollapsed: 'yes', extra: 1 })).toEqual({
      sidebarWidth: 300,
      inspectorWidth: PANE_WIDTHS.inspector.initial,
      sidebarCollapsed: false,
      inspectorCollapsed: false,
    });
  });

  it('collapses to a rail in a wide window and slides a drawer in a narrow one; opening an entity brings the inspector back', () => {
    const storage = memoryStorage();
    const narrow = media(false);
    const panes = createPaneLayout({ storage, narrow });
    panes.toggle('inspector');
    expect(panes.layout.get().inspectorCollapsed).toBe(true);
    expect(inspectorMode(panes.layout.get(), false, false)).toBe('rail');
    panes.revealInspector();
    expect(panes.layout.get().inspectorCollapsed).toBe(false);
    panes.setWidth('sidebar', 333);
    panes.toggle('sidebar');
    // Remembered for the next start of this window.
    expect(parseLayout(JSON.parse(storage.data['casebook:layout']!))).toMatchObject({ sidebarWidth: 333, sidebarCollapsed: true });

    narrow.flip(true);
    expect(panes.inspectorShown()).toBe(false);
    panes.revealInspector();
    expect(panes.drawer.get()).toBe(true);
    expect(inspectorMode(panes.layout.get(), true, panes.drawer.get())).toBe('drawer');
    panes.toggle('inspector');
    expect(panes.drawer.get()).toBe(false);
    // The drawer is never remembered, nor does it collapse the wide column.
    expect(panes.layout.get().inspectorCollapsed).toBe(false);
  });
});

describe('F6 between panes', () => {
  it('goes sidebar → main → inspector and round, skipping hidden panes', () => {
    const all = ['sidebar', 'main', 'inspector'] as const;
    expect(nextRegion('sidebar', all, 1)).toBe('main');
    expect(nextRegion('main', all, 1)).toBe('inspector');
    expect(nextRegion('inspector', all, 1)).toBe('sidebar');
    expect(nextRegion('sidebar', all, -1)).toBe('inspector');
    expect(nextRegion('main', ['main', 'inspector'], -1)).toBe('inspector');
    expect(nextRegion(null, all, 1)).toBe('main');
    // From a pane that just collapsed, on to the next one there.
    expect(nextRegion('inspector', ['sidebar', 'main'], 1)).toBe('sidebar');
    expect(nextRegion('main', [], 1)).toBeNull();
  });
});

describe('caret browsing keys', () => {
  const key = (k: string, mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({ key: k, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...mods });
  it('moves by character, word, line and to the ends; Shift extends', () => {
    expect(caretMove(key('ArrowRight'), false)).toEqual({ alter: 'move', direction: 'forward', granularity: 'character' });
    expect(caretMove(key('ArrowLeft', { shiftKey: true }), false)).toEqual({ alter: 'extend', direction: 'backward', granularity: 'character' });
    expect(caretMove(key('ArrowRight', { ctrlKey: true, shiftKey: true }), false)).toEqual({ alter: 'extend', direction: 'forward', granularity: 'word' });
    expect(caretMove(key('ArrowRight', { altKey: true }), true)).toMatchObject({ granularity: 'word' });
    expect(caretMove(key('ArrowDown', { shiftKey: true }), false)).toMatchObject({ alter: 'extend', granularity: 'line' });
    expect(caretMove(key('End', { shiftKey: true }), false)).toMatchObject({ alter: 'extend', granularity: 'lineboundary' });
    expect(caretMove(key('Home', { ctrlKey: true }), false)).toMatchObject({ direction: 'backward', granularity: 'documentboundary' });
    expect(caretMove(key('a'), false)).toBeNull();
    expect(caretMove(key('ArrowLeft', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});
