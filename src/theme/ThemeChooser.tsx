// The theme chooser in the header's actions: System, Light, Dark as a radio group, one stop in
// the Tab order (the header's row of actions grows by one stop, not three); the arrow keys move
// and choose, in the page's direction. Buttons with the radio role, not a <select>: the phone's
// header menu moves through its buttons with the up and down arrows (HeaderActions.tsx), which a
// select would take for itself, and leaves left and right to the group.
import { useRef, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inlineArrow, pageDirection } from '../ui/direction';
import './theme.css';
import { chooseTheme, onThemeChange, THEME_CHOICES, themeChoice, type ThemeChoice } from './theme';

// On wide screens the header shows only the icons (the words, `theme.<choice>.text` and
// `.title` in the catalogues, are the buttons' names and tooltips); the phone's menu shows the
// words too.
const ICONS: Record<ThemeChoice, string> = { system: '◐', light: '☀', dark: '☾' };

export function ThemeChooser() {
  const chosen = useSyncExternalStore(onThemeChange, themeChoice, themeChoice);
  const groupRef = useRef<HTMLDivElement>(null);
  const { t } = useTranslation();

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const at = THEME_CHOICES.indexOf(chosen);
    const n = THEME_CHOICES.length;
    const key = inlineArrow(e.key, pageDirection());
    const to =
      key === 'ArrowRight'
        ? (at + 1) % n
        : key === 'ArrowLeft'
          ? (at - 1 + n) % n
          : key === 'Home'
            ? 0
            : key === 'End'
              ? n - 1
              : -1;
    const next = THEME_CHOICES[to];
    if (next === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    chooseTheme(next);
    groupRef.current?.querySelector<HTMLElement>(`[data-theme-choice=${next}]`)?.focus();
  }

  return (
    // The keys come from its radios, which take focus; the group handles them once for all.
    // oxlint-disable-next-line jsx-a11y/interactive-supports-focus
    <div
      ref={groupRef}
      className="dl-theme-chooser"
      role="radiogroup"
      aria-label={t('theme.label')}
      onKeyDown={onKeyDown}
      data-testid="theme-chooser"
    >
      <span className="dl-menu-only" aria-hidden="true">
        {t('theme.label')}
      </span>
      {THEME_CHOICES.map((choice) => (
        <button
          key={choice}
          type="button"
          role="radio"
          className="dl-theme-option"
          aria-checked={chosen === choice}
          aria-label={t(`theme.${choice}.text`)}
          title={t(`theme.${choice}.title`)}
          tabIndex={chosen === choice ? 0 : -1}
          onClick={() => chooseTheme(choice)}
          data-theme-choice={choice}
        >
          <span aria-hidden="true">{ICONS[choice]}</span>
          <span className="dl-menu-only"> {t(`theme.${choice}.text`)}</span>
        </button>
      ))}
    </div>
  );
}
