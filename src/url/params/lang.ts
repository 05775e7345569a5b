// The link's language and calendar: `lang=ar` (en, ar, he) opens the page in that language
// whatever the browser's, and `calendar=hijri` writes Arabic dates in the Umm al-Qura calendar.
// Left out, the page follows the browser's languages and writes Gregorian dates.
import { t } from '../../i18n';
import type * as FastCheck from 'fast-check';
import { isLanguage, LANGUAGES } from '../../i18n/languages';
import type { LinkParam } from '../params';

type Fc = typeof FastCheck;

export const LANGUAGE_PARAMS: readonly LinkParam[] = [
  {
    name: 'lang',
    read(value, view, notes) {
      const lang = value.toLowerCase();
      if (isLanguage(lang)) return { ...view, lang };
      notes.reject(t('link.why.lang', { values: LANGUAGES.join(', ') }));
      return view;
    },
    write: (view) => (view.lang !== undefined && isLanguage(view.lang) ? view.lang : null),
    arbitrary: (fc: Fc) =>
      fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }).map((lang) => (view) => {
        if (lang === undefined) return view;
        return { ...view, lang };
      }),
  },
  {
    // After `lang`: the Hijri calendar is offered for Arabic only.
    name: 'calendar',
    read(value, view, notes) {
      if (value !== 'hijri') notes.reject(t('link.why.calendar'));
      else if (view.lang !== 'ar') notes.reject(t('link.why.calendarLang'));
      else return { ...view, calendar: 'islamic-umalqura' };
      return view;
    },
    write: (view) => (view.lang === 'ar' && view.calendar === 'islamic-umalqura' ? 'hijri' : null),
    arbitrary: (fc: Fc) =>
      fc.boolean().map((hijri) => (view) => {
        if (!hijri || view.lang !== 'ar') return view;
        return { ...view, calendar: 'islamic-umalqura' };
      }),
  },
];
