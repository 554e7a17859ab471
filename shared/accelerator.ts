/**
 * Electron accelerators (`CmdOrCtrl+Shift+P`) read in one place, so a key is
 * written once, in shared/commands.ts, and both the native menu and the
 * page's key handler take it from there: the menu gets it spelt for the
 * platform, the page matches key events against it, the palette shows it.
 *
 * The syntax is Electron's (docs/api/accelerator.md): modifiers and one key
 * joined by `+`, case-insensitive. `Cmd`/`Command` alone means nothing on
 * Windows and Linux (Electron ignores it there), so it is refused for them:
 * write `CmdOrCtrl`. `AltGr` is refused too: a page cannot tell it from
 * Ctrl+Alt.
 */

export type KeyPlatform = 'mac' | 'pc';

/** macOS or not, from Node's `process.platform` or the page's `navigator.platform`. */
export function keyPlatformOf(platform: string): KeyPlatform {
  return /^darwin$|mac|iphone|ipad/i.test(platform) ? 'mac' : 'pc';
}

export class AcceleratorError extends Error {
  constructor(accelerator: string, problem: string) {
    super(`Accelerator “${accelerator}”: ${problem}`);
    this.name = 'AcceleratorError';
  }
}

/** How a key is recognised in a KeyboardEvent: by `key` (what it types) or by `code` (where it is). */
interface KeySpec {
  /** Electron's spelling, used for the menu. */
  name: string;
  /** `event.key` values that mean this key. */
  keys: readonly string[];
  /** `event.code` values that mean it whatever the layout types (digits under Shift, letters on a non-Latin layout, the keypad). */
  codes: readonly string[];
  /** A symbol: the character already says whether Shift was down (`?` is Shift+/ on one layout, a key of its own on another). */
  symbol: boolean;
  /** How the palette shows it. */
  label: { mac: string; pc: string };
}

export interface Accelerator {
  source: string;
  cmdOrCtrl: boolean;
  cmd: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** Electron's Super/Meta: ⌘ on macOS, the Windows/Super key elsewhere. */
  superKey: boolean;
  key: KeySpec;
}

const MODIFIERS: Record<string, keyof Omit<Accelerator, 'source' | 'key'>> = {
  commandorcontrol: 'cmdOrCtrl',
  cmdorctrl: 'cmdOrCtrl',
  command: 'cmd',
  cmd: 'cmd',
  control: 'ctrl',
  ctrl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  shift: 'shift',
  super: 'superKey',
  meta: 'superKey',
};

const named = (name: string, keys: string[], codes: string[] = [], label: { mac: string; pc: string } = { mac: name, pc: name }): KeySpec => ({
  name,
  keys,
  codes,
  symbol: false,
  label,
});

/** Electron's named keys, by their lower-cased names (aliases included). */
const NAMED_KEYS: Record<string, KeySpec> = (() => {
  const table: Record<string, KeySpec> = {
    plus: { name: 'Plus', keys: ['+'], codes: [], symbol: true, label: { mac: '+', pc: 'Plus' } },
    space: named('Space', [' '], ['Space']),
    tab: named('Tab', ['Tab'], [], { mac: '⇥', pc: 'Tab' }),
    capslock: named('Capslock', ['CapsLock']),
    numlock: named('Numlock', ['NumLock']),
    scrolllock: named('Scrolllock', ['ScrollLock']),
    backspace: named('Backspace', ['Backspace'], [], { mac: '⌫', pc: 'Backspace' }),
    delete: named('Delete', ['Delete'], [], { mac: '⌦', pc: 'Del' }),
    insert: named('Insert', ['Insert'], [], { mac: 'Insert', pc: 'Ins' }),
    return: named('Return', ['Enter'], [], { mac: '↩', pc: 'Enter' }),
    up: named('Up', ['ArrowUp'], [], { mac: '↑', pc: 'Up' }),
    down: named('Down', ['ArrowDown'], [], { mac: '↓', pc: 'Down' }),
    left: named('Left', ['ArrowLeft'], [], { mac: '←', pc: 'Left' }),
    right: named('Right', ['ArrowRight'], [], { mac: '→', pc: 'Right' }),
    home: named('Home', ['Home'], [], { mac: '↖', pc: 'Home' }),
    end: named('End', ['End'], [], { mac: '↘', pc: 'End' }),
    pageup: named('PageUp', ['PageUp'], [], { mac: '⇞', pc: 'PgUp' }),
    pagedown: named('PageDown', ['PageDown'], [], { mac: '⇟', pc: 'PgDn' }),
    escape: named('Escape', ['Escape'], [], { mac: '⎋', pc: 'Esc' }),
    volumeup: named('VolumeUp', ['AudioVolumeUp']),
    volumedown: named('VolumeDown', ['AudioVolumeDown']),
    volumemute: named('VolumeMute', ['AudioVolumeMute']),
    medianexttrack: named('MediaNextTrack', ['MediaTrackNext']),
    mediaprevioustrack: named('MediaPreviousTrack', ['MediaTrackPrevious']),
    mediastop: named('MediaStop', ['MediaStop']),
    mediaplaypause: named('MediaPlayPause', ['MediaPlayPause']),
    printscreen: named('PrintScreen', ['PrintScreen']),
    numdec: named('numdec', [], ['NumpadDecimal'], { mac: 'Num .', pc: 'Num .' }),
    numadd: named('numadd', [], ['NumpadAdd'], { mac: 'Num +', pc: 'Num +' }),
    numsub: named('numsub', [], ['NumpadSubtract'], { mac: 'Num -', pc: 'Num -' }),
    nummult: named('nummult', [], ['NumpadMultiply'], { mac: 'Num *', pc: 'Num *' }),
    numdiv: named('numdiv', [], ['NumpadDivide'], { mac: 'Num /', pc: 'Num /' }),
  };
  table.enter = table.return!;
  table.esc = table.escape!;
  for (let n = 1; n <= 24; n++) table[`f${n}`] = named(`F${n}`, [`F${n}`]);
  for (let n = 0; n <= 9; n++) table[`num${n}`] = named(`num${n}`, [], [`Numpad${n}`], { mac: `Num ${n}`, pc: `Num ${n}` });
  return table;
})();

/** The printable characters Electron accepts as keys (`+` is spelt `Plus`). */
const SYMBOLS = new Set(')!@#$%^&*(:;=<,_->.?/~`{][|\\}"\'');

function keySpec(token: string, source: string): KeySpec {
  if (/^[a-z]$/i.test(token)) {
    const upper = token.toUpperCase();
    return { name: upper, keys: [token.toLowerCase()], codes: [`Key${upper}`], symbol: false, label: { mac: upper, pc: upper } };
  }
  if (/^[0-9]$/.test(token)) return { name: token, keys: [token], codes: [`Digit${token}`], symbol: false, label: { mac: token, pc: token } };
  if (token.length === 1 && SYMBOLS.has(token)) return { name: token, keys: [token], codes: [], symbol: true, label: { mac: token, pc: token } };
  const spec = NAMED_KEYS[token.toLowerCase()];
  if (!spec) throw new AcceleratorError(source, `“${token}” is not a key Electron knows`);
  return spec;
}

export function parseAccelerator(source: string): Accelerator {
  if (!source.trim()) throw new AcceleratorError(source, 'it is empty');
  const tokens = source.split('+');
  const parsed: Omit<Accelerator, 'key'> = { source, cmdOrCtrl: false, cmd: false, ctrl: false, alt: false, shift: false, superKey: false };
  let key: KeySpec | undefined;
  for (const raw of tokens) {
    const token = raw.trim();
    if (!token) throw new AcceleratorError(source, 'it has an empty part (write “Plus” for the + key)');
    if (token.toLowerCase() === 'altgr') throw new AcceleratorError(source, 'AltGr cannot be told apart from Ctrl+Alt in a page');
    const modifier = MODIFIERS[token.toLowerCase()];
    if (modifier) {
      if (key) throw new AcceleratorError(source, `the modifier “${token}” comes after the key`);
      if (parsed[modifier]) throw new AcceleratorError(source, `“${token}” is repeated`);
      parsed[modifier] = true;
      continue;
    }
    if (key) throw new AcceleratorError(source, 'it has more than one key');
    key = keySpec(token, source);
  }
  if (!key) throw new AcceleratorError(source, 'it has modifiers but no key');
  return { ...parsed, key };
}

/** Exactly which modifiers a key event must carry on one platform. */
export interface Chord {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  key: KeySpec;
}

export function chordFor(accelerator: Accelerator, platform: KeyPlatform): Chord {
  const mac = platform === 'mac';
  if (accelerator.cmd && !mac) throw new AcceleratorError(accelerator.source, 'Cmd does nothing on Windows and Linux; write CmdOrCtrl');
  return {
    ctrl: accelerator.ctrl || (accelerator.cmdOrCtrl && !mac),
    meta: accelerator.superKey || accelerator.cmd || (accelerator.cmdOrCtrl && mac),
    alt: accelerator.alt,
    shift: accelerator.shift,
    key: accelerator.key,
  };
}

/** What a KeyboardEvent tells us (an interface, so Node tests need no DOM). */
export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** A printable ASCII character: the layout typed what the key is labelled with. */
const typesAscii = (key: string) => key.length === 1 && key >= ' ' && key <= '~';

export function matchesChord(event: KeyEventLike, chord: Chord): boolean {
  // Chromium's autofill sends keydown events without a key.
  if (typeof event.key !== 'string') return false;
  if (event.ctrlKey !== chord.ctrl || event.metaKey !== chord.meta || event.altKey !== chord.alt) return false;
  // A symbol names the character typed, Shift included, unless the accelerator asks for Shift itself.
  if (event.shiftKey !== chord.shift && !(chord.key.symbol && !chord.shift)) return false;
  const { keys, codes } = chord.key;
  if (keys.includes(event.key) || keys.includes(event.key.toLowerCase())) return true;
  // By position only when the key typed something else than its label: a digit
  // under Shift (`!` for 1), a letter on a Cyrillic or Greek layout, the keypad.
  if (!codes.includes(event.code)) return false;
  return !typesAscii(event.key) || /^Digit/.test(event.code) || /^Numpad/.test(event.code);
}

/** The accelerator spelt for the native menu on this platform: `Cmd+Shift+P` on macOS, `Ctrl+Shift+P` elsewhere. */
export function menuAccelerator(accelerator: Accelerator, platform: KeyPlatform): string {
  const chord = chordFor(accelerator, platform);
  const mac = platform === 'mac';
  const parts = [
    ...(mac ? [chord.meta && 'Cmd', chord.ctrl && 'Ctrl'] : [chord.ctrl && 'Ctrl', chord.meta && 'Super']),
    chord.alt && 'Alt',
    chord.shift && 'Shift',
  ].filter((p): p is string => typeof p === 'string');
  return [...parts, chord.key.name].join('+');
}

/** The accelerator as a person reads it: `⇧⌘P` on macOS, `Ctrl+Shift+P` elsewhere. */
export function formatAccelerator(accelerator: Accelerator, platform: KeyPlatform): string {
  const chord = chordFor(accelerator, platform);
  if (platform === 'mac') {
    // Apple's order: Control, Option, Shift, Command.
    return `${chord.ctrl ? '⌃' : ''}${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.meta ? '⌘' : ''}${chord.key.label.mac}`;
  }
  const parts = [chord.ctrl && 'Ctrl', chord.alt && 'Alt', chord.shift && 'Shift', chord.meta && 'Super'].filter((p): p is string => typeof p === 'string');
  return [...parts, chord.key.label.pc].join('+');
}
