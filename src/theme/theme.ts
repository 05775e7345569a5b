// The reader's theme: System (follow prefers-color-scheme), Light or Dark. The choice is this
// browser's (localStorage), not the link's: a link shares a view of the data, and a reader who
// set their system to dark should not be dazzled by the sender's light page. The colours
// themselves are CSS (styles/tokens.css, light-dark() tokens resolved by the root's
// color-scheme); this module only writes `data-theme` on <html> and says when the theme changes,
// for what draws outside CSS (the basemap's canvas).

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const STORAGE_KEY = 'dateline:theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The stored choice; anything else (nothing, a stale value, storage blocked) is System. */
export function readThemeChoice(store: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  try {
    const value = store?.getItem(STORAGE_KEY);
    return THEME_CHOICES.find((c) => c === value) ?? 'system';
  } catch {
    return 'system';
  }
}

/** Keeps the choice; System is kept as no entry, so a reader who never chose leaves no trace. */
export function saveThemeChoice(
  choice: ThemeChoice,
  store: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
): void {
  try {
    if (choice === 'system') store?.removeItem(STORAGE_KEY);
    else store?.setItem(STORAGE_KEY, choice);
  } catch {
    // storage blocked: the choice lasts this visit only
  }
}

/** The theme a choice gives, given whether the system prefers dark. */
export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let current: ThemeChoice = 'system';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function write(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.dataset.theme = choice;
}

/** Applies the stored choice to the page (once, before the first render) and follows the system. */
export function startTheme(): void {
  current = readThemeChoice(browserStorage());
  write(current);
  if (typeof matchMedia !== 'function') return;
  matchMedia(DARK_QUERY).addEventListener('change', () => {
    if (current === 'system') for (const l of listeners) l();
  });
}

export function themeChoice(): ThemeChoice {
  return current;
}

/** The theme on show now. */
export function currentTheme(): Theme {
  return resolveTheme(current, systemPrefersDark());
}

/** The reader chose a theme: applied at once, kept for the next visit. */
export function chooseTheme(choice: ThemeChoice): void {
  if (choice === current) return;
  current = choice;
  saveThemeChoice(choice, browserStorage());
  write(choice);
  for (const l of listeners) l();
}

/** Calls `listener` whenever the theme on show may have changed (a choice, or the system's). */
export function onThemeChange(listener: Listener): () => void {
  listeners.add(listener);
  return function stop() {
    listeners.delete(listener);
  };
}
