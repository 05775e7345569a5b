// Keeps the page in the reader's language: the one chosen (link or menu), else the browser's
// first the app speaks, again whenever either changes; and the calendar chosen for Arabic.
import type { AppStore } from '../store';
import { applyLanguage, browserLanguages } from './index';
import { pickLanguage, type Language } from './languages';

/** The language the page speaks for this store's choice and the browser's languages. */
export function effectiveLanguage(chosen: Language | null): Language {
  return chosen ?? pickLanguage(browserLanguages());
}

/** Applies the language now (resolves once its words are loaded) and follows changes. */
export async function followLanguage(store: AppStore): Promise<() => void> {
  const apply = () => {
    const { chosenLanguage, calendar } = store.getState();
    return applyLanguage(effectiveLanguage(chosenLanguage), calendar);
  };
  await apply();
  const unsubscribe = store.subscribe(
    (s) => [s.chosenLanguage, s.calendar] as const,
    () => void apply(),
    { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] },
  );
  const onBrowserChange = () => {
    if (store.getState().chosenLanguage === null) void apply();
  };
  window.addEventListener('languagechange', onBrowserChange);
  return function stopFollowing() {
    unsubscribe();
    window.removeEventListener('languagechange', onBrowserChange);
  };
}
