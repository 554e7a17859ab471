import { describe, expect, it } from 'vitest';
import {
  AcceleratorError,
  chordFor,
  formatAccelerator,
  keyPlatformOf,
  matchesChord,
  menuAccelerator,
  parseAccelerator,
  type KeyEventLike,
  type KeyPlatform,
} from '../../shared/accelerator';

/** A keydown as Chromium reports it. */
const press = (key: string, mods: Partial<Omit<KeyEventLike, 'key'>> = {}): KeyEventLike => ({
  key,
  code: mods.code ?? (/^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : ''),
  ctrlKey: mods.ctrlKey ?? false,
  metaKey: mods.metaKey ?? false,
  altKey: mods.altKey ?? false,
  shiftKey: mods.shiftKey ?? false,
});
const matches = (accelerator: string, platform: KeyPlatform, event: KeyEventLike) =>
  matchesChord(event, chordFor(parseAccelerator(accelerator), platform));

describe('parseAccelerator', () => {
  it('reads modifiers and one key, case-insensitively, with Electron’s aliases', () => {
    expect(parseAccelerator('CmdOrCtrl+Shift+P')).toMatchObject({ cmdOrCtrl: true, shift: true, ctrl: false, alt: false, key: { name: 'P' } });
    expect(parseAccelerator('commandorcontrol+option+f5')).toMatchObject({ cmdOrCtrl: true, alt: true, key: { name: 'F5' } });
    expect(parseAccelerator('Esc').key.name).toBe('Escape');
    expect(parseAccelerator('Ctrl+Enter').key.name).toBe('Return');
    expect(parseAccelerator('Ctrl+Plus').key.keys).toEqual(['+']);
    expect(parseAccelerator('Meta+/')).toMatchObject({ superKey: true, key: { name: '/' } });
  });

  it('refuses what Electron would not take, saying why', () => {
    for (const [bad, why] of [
      ['', /empty/],
      ['Ctrl+', /empty part/],
      ['Ctrl++', /empty part/],
      ['Ctrl+Shift', /no key/],
      ['Ctrl+A+B', /more than one key/],
      ['A+Ctrl', /after the key/],
      ['Ctrl+Ctrl+A', /repeated/],
      ['Ctrl+Hyper+A', /not a key/],
      ['Ctrl+F25', /not a key/],
      ['AltGr+E', /AltGr/],
    ] as const) {
      expect(() => parseAccelerator(bad), bad).toThrow(AcceleratorError);
      expect(() => parseAccelerator(bad), bad).toThrow(why);
    }
  });
});

describe('keys per platform', () => {
  it('takes CmdOrCtrl as ⌘ on macOS and Ctrl on Windows and Linux, and nothing else', () => {
    expect(matches('CmdOrCtrl+N', 'mac', press('n', { metaKey: true }))).toBe(true);
    expect(matches('CmdOrCtrl+N', 'mac', press('n', { ctrlKey: true }))).toBe(false);
    expect(matches('CmdOrCtrl+N', 'pc', press('n', { ctrlKey: true }))).toBe(true);
    expect(matches('CmdOrCtrl+N', 'pc', press('n', { metaKey: true }))).toBe(false);
    expect(matches('CmdOrCtrl+N', 'pc', press('n'))).toBe(false);
  });

  it('wants exactly the modifiers written: Ctrl+E is not Ctrl+Shift+E, and AltGr (Ctrl+Alt) does not fire Ctrl shortcuts', () => {
    expect(matches('CmdOrCtrl+E', 'pc', press('E', { ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(matches('CmdOrCtrl+Shift+E', 'pc', press('E', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(matches('CmdOrCtrl+Shift+E', 'pc', press('e', { ctrlKey: true }))).toBe(false);
    // Polish AltGr+N types ń and reports Ctrl+Alt.
    expect(matches('CmdOrCtrl+N', 'pc', press('ń', { ctrlKey: true, altKey: true, code: 'KeyN' }))).toBe(false);
    expect(matches('Escape', 'pc', press('Escape'))).toBe(true);
    expect(matches('Escape', 'pc', press('Escape', { shiftKey: true }))).toBe(false);
  });

  it('knows a letter by what it types, and by its place only when the layout types no Latin letter there', () => {
    // Russian layout: the N key types т.
    expect(matches('CmdOrCtrl+N', 'pc', press('т', { ctrlKey: true, code: 'KeyN' }))).toBe(true);
    // Dvorak: the key in QWERTY's N place types b, and Ctrl+B is not Ctrl+N.
    expect(matches('CmdOrCtrl+N', 'pc', press('b', { ctrlKey: true, code: 'KeyN' }))).toBe(false);
    expect(matches('CmdOrCtrl+B', 'pc', press('b', { ctrlKey: true, code: 'KeyN' }))).toBe(true);
    // macOS Option turns letters into other characters: the place decides.
    expect(matches('CmdOrCtrl+Alt+N', 'mac', press('˜', { metaKey: true, altKey: true, code: 'KeyN' }))).toBe(true);
  });

  it('knows a digit under Shift by its place, and a symbol by the character whatever Shift it took', () => {
    expect(matches('CmdOrCtrl+Shift+1', 'pc', press('!', { ctrlKey: true, shiftKey: true, code: 'Digit1' }))).toBe(true);
    expect(matches('CmdOrCtrl+?', 'pc', press('?', { ctrlKey: true, shiftKey: true, code: 'Slash' }))).toBe(true);
    expect(matches('CmdOrCtrl+Plus', 'mac', press('+', { metaKey: true, shiftKey: true, code: 'Equal' }))).toBe(true);
    expect(matches('num5', 'pc', press('5', { code: 'Numpad5' }))).toBe(true);
    expect(matches('num5', 'pc', press('5', { code: 'Digit5' }))).toBe(false);
  });

  it('ignores a keydown without a key (Chromium’s autofill sends them)', () => {
    expect(matches('CmdOrCtrl+N', 'pc', { ...press('n', { ctrlKey: true }), key: undefined as unknown as string })).toBe(false);
  });

  it('refuses Cmd alone on Windows and Linux, where Electron ignores it', () => {
    expect(() => chordFor(parseAccelerator('Cmd+N'), 'pc')).toThrow(/CmdOrCtrl/);
    expect(chordFor(parseAccelerator('Cmd+N'), 'mac')).toMatchObject({ meta: true, ctrl: false });
  });

  it('tells macOS from the rest by Node’s or the browser’s platform name', () => {
    expect(keyPlatformOf('darwin')).toBe('mac');
    expect(keyPlatformOf('MacIntel')).toBe('mac');
    expect(keyPlatformOf('linux')).toBe('pc');
    expect(keyPlatformOf('Win32')).toBe('pc');
    expect(keyPlatformOf('Linux x86_64')).toBe('pc');
  });
});

describe('spelling an accelerator', () => {
  it('for the native menu: Cmd on macOS, Ctrl elsewhere', () => {
    expect(menuAccelerator(parseAccelerator('CmdOrCtrl+Shift+P'), 'mac')).toBe('Cmd+Shift+P');
    expect(menuAccelerator(parseAccelerator('CmdOrCtrl+Shift+P'), 'pc')).toBe('Ctrl+Shift+P');
    expect(menuAccelerator(parseAccelerator('shift+cmdorctrl+esc'), 'pc')).toBe('Ctrl+Shift+Escape');
  });

  it('for people: Apple’s symbols in Apple’s order on macOS, words elsewhere', () => {
    expect(formatAccelerator(parseAccelerator('CmdOrCtrl+Shift+P'), 'mac')).toBe('⇧⌘P');
    expect(formatAccelerator(parseAccelerator('Ctrl+Alt+Shift+CmdOrCtrl+K'), 'mac')).toBe('⌃⌥⇧⌘K');
    expect(formatAccelerator(parseAccelerator('CmdOrCtrl+Shift+P'), 'pc')).toBe('Ctrl+Shift+P');
    expect(formatAccelerator(parseAccelerator('Escape'), 'pc')).toBe('Esc');
    expect(formatAccelerator(parseAccelerator('Escape'), 'mac')).toBe('⎋');
  });
});
