import { createPreference, pageStorage, type KeyValueStorage, type Preference } from './preferences';

/** What the user picked in View → Theme; `system` follows the operating system's light or dark setting. */
export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

export function parseThemeChoice(raw: unknown): ThemeChoice {
  return THEME_CHOICES.includes(raw as ThemeChoice) ? (raw as ThemeChoice) : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

/** The bits of the page the theme touches, so Node tests can pass stand-ins. */
export interface ThemeEnvironment {
  storage: KeyValueStorage | null;
  /** `matchMedia('(prefers-color-scheme: dark)')`. */
  systemDark: { matches: boolean; addEventListener(type: 'change', listener: () => void): void };
  root: { dataset: DOMStringMap; style: { colorScheme: string } };
}

export interface ThemeController {
  choice: Preference<ThemeChoice>;
  /** The theme in effect now. */
  current(): Theme;
}

/**
 * Sets `<html data-theme="light|dark">` (which app.css keys its colours on)
 * from the remembered choice and, for `system`, from `prefers-color-scheme`,
 * following either as it changes. `color-scheme` follows too, so scrollbars
 * and form controls match.
 */
export function startTheme(env: ThemeEnvironment): ThemeController {
  const choice = createPreference(env.storage, 'casebook:theme', parseThemeChoice);
  const current = () => resolveTheme(choice.get(), env.systemDark.matches);
  const apply = () => {
    const theme = current();
    env.root.dataset.theme = theme;
    env.root.dataset.themeChoice = choice.get();
    env.root.style.colorScheme = theme;
  };
  apply();
  choice.subscribe(apply);
  env.systemDark.addEventListener('change', apply);
  return { choice, current };
}

let controller: ThemeController | null = null;

/** The window's theme, started on first use (main.tsx starts it before the first paint). */
export function appTheme(): ThemeController {
  controller ??= startTheme({ storage: pageStorage(), systemDark: window.matchMedia('(prefers-color-scheme: dark)'), root: document.documentElement });
  return controller;
}
