// The app's words: one i18next instance with ICU messages (i18next-icu: plurals by each
// language's CLDR rules, through intl-messageformat, which needs no eval). English is bundled;
// Arabic and Hebrew are separate chunks, loaded when chosen, with the moment locale the
// timeline's axis is written in. `applyLanguage` sets the words, the locale dates and numbers use
// (model/readerLocale.ts), the axis' locale and `<html lang dir>` together.
import { createInstance } from 'i18next';
import ICU from 'i18next-icu';
import moment from 'moment';
import { initReactI18next } from 'react-i18next';
import { setReaderLocale } from '../model/readerLocale';
import en from './en.json' with { type: 'json' };
import { directionOf, intlLocale, type Calendar, type Language } from './languages';

export { LANGUAGES, LANGUAGE_NAMES, type Calendar, type Language } from './languages';

/** The browser's languages, best first. */
export function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

let locale: string = intlLocale('en', browserLanguages());
setReaderLocale(locale);

export const i18n = createInstance();
void i18n
  .use(
    new ICU({
      // ICU's numbers (`#` and {n, number}) in the reader's locale: Arabic-Indic digits in Arabic.
      parseLngForICU: () => locale,
    }),
  )
  .use(initReactI18next)
  .init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    initAsync: false,
    // React escapes what it renders; nothing here is ever read as HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
  });

type Catalogue = typeof en;

/**
 * Each language's words and the moment locale of its timeline axis, loaded on first use. The
 * locale is moment's ES module (dist/locale), as the app's moment is (Vite reads its
 * `jsnext:main`): the CommonJS one would define itself on a second copy of moment.
 */
const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<Catalogue>> = {
  ar: async () => {
    const [words] = await Promise.all([import('./ar.json'), import('moment/dist/locale/ar')]);
    return words.default;
  },
  he: async () => {
    const [words] = await Promise.all([import('./he.json'), import('moment/dist/locale/he')]);
    return words.default;
  },
};

const MOMENT_LOCALES: Record<Language, string> = { en: 'en', ar: 'ar', he: 'he' };
let axisLocale = 'en';
/** How many times a language was asked for: only the latest is applied. */
let calls = 0;

/**
 * The moment locale of the timeline's axis: month and day names in the page's language, with
 * Arabic-Indic digits in Arabic (moment's `ar`). Always Gregorian: moment has no Hijri calendar.
 */
export function timelineLocale(): string {
  return axisLocale;
}

/**
 * Speaks `language`: loads its words if they are not yet loaded, then switches the words, the
 * locale of dates and numbers (with `calendar`), the timeline's moment locale and `<html>`.
 */
export async function applyLanguage(
  language: Language,
  calendar: Calendar = 'gregory',
): Promise<void> {
  const call = ++calls;
  if (language !== 'en' && !i18n.hasResourceBundle(language, 'translation')) {
    const words = await LOADERS[language]();
    if (!i18n.hasResourceBundle(language, 'translation'))
      i18n.addResourceBundle(language, 'translation', words);
  }
  // A later choice made while this one's words were loading wins.
  if (call !== calls) return;
  locale = intlLocale(language, browserLanguages(), calendar);
  setReaderLocale(locale);
  // A moment locale file makes itself the global one when it loads: set the one wanted.
  axisLocale = MOMENT_LOCALES[language];
  moment.locale(axisLocale);
  (i18n as unknown as { ICU?: { clearCache(): void } }).ICU?.clearCache();
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
  }
  await i18n.changeLanguage(language);
}

/** The words for a key in the current language (for code outside React components). */
export const t = i18n.t.bind(i18n);
