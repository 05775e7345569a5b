// The theme chooser in the header's actions: three toggle buttons (System, Light, Dark), one
// pressed. Buttons, not a <select>: the phone's header menu moves through its buttons with the
// arrow keys (HeaderActions.tsx), which a select would take for itself.
import { useSyncExternalStore } from 'react';
import './theme.css';
import { chooseTheme, onThemeChange, themeChoice, type ThemeChoice } from './theme';

// On wide screens the header shows only the icons (the words are the buttons' names and
// tooltips); the phone's menu shows the words too.
const LABELS: ReadonlyArray<{ choice: ThemeChoice; icon: string; text: string; title: string }> = [
  { choice: 'system', icon: '◐', text: 'System', title: 'Theme: as the system is set' },
  { choice: 'light', icon: '☀', text: 'Light', title: 'Theme: light' },
  { choice: 'dark', icon: '☾', text: 'Dark', title: 'Theme: dark' },
];

export function ThemeChooser() {
  const chosen = useSyncExternalStore(onThemeChange, themeChoice, themeChoice);
  return (
    <div className="dl-theme-chooser" role="group" aria-label="Theme" data-testid="theme-chooser">
      <span className="dl-menu-only" aria-hidden="true">
        Theme
      </span>
      {LABELS.map(({ choice, icon, text, title }) => (
        <button
          key={choice}
          type="button"
          className="dl-theme-option"
          aria-pressed={chosen === choice}
          aria-label={text}
          title={title}
          onClick={() => chooseTheme(choice)}
          data-theme-choice={choice}
        >
          <span aria-hidden="true">{icon}</span>
          <span className="dl-menu-only"> {text}</span>
        </button>
      ))}
    </div>
  );
}
