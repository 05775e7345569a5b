// The languages the app speaks, which one a reader gets (the link's, else the first of the
// browser's list the app speaks, else English), and the Intl locale its dates and numbers use.
// Pure: no i18next, no DOM, so the choice is unit-tested on its own.

export const LANGUAGES = ['en', 'ar', 'he'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, as the language menu lists it. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ar: 'العربية',
  he: 'עברית',
};

/** The calendars dates can be written in: Gregorian always, the Umm al-Qura Hijri for Arabic. */
export type Calendar = 'gregory' | 'islamic-umalqura';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function directionOf(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' || language === 'he' ? 'rtl' : 'ltr';
}

/** The base language of a BCP 47 tag ("ar-EG" → "ar"; Hebrew's old code "iw" → "he"). */
function baseOf(tag: string): string {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return base === 'iw' ? 'he' : base;
}

/** The first of the browser's languages (`navigator.languages`) the app speaks, else English. */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = baseOf(tag);
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** Whether a locale tag is well formed enough for Intl (a browser may list odd ones). */
function intlAccepts(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The locale dates and numbers are written in. The reader's own regional variant when their
 * browser lists one for the language ("en-GB" writes 27 Feb 2025, "ar-MA" Western digits, as
 * Morocco does); else English as `en`, Hebrew as `he`, and Arabic with Arabic-Indic digits
 * (`ar-u-nu-arab`: ٢٧ فبراير ٢٠٢٥), as the Arabic of Egypt and the Levant writes them, where CLDR's
 * bare `ar` has had Western digits since CLDR 42. Dates are Gregorian unless the reader chose the
 * Hijri calendar, offered for Arabic only.
 */
export function intlLocale(
  language: Language,
  preferred: readonly string[],
  calendar: Calendar = 'gregory',
): string {
  const regional = preferred.find(
    (tag) => baseOf(tag) === language && tag.includes('-') && intlAccepts(tag),
  );
  let locale = regional ? Intl.getCanonicalLocales(regional)[0]! : language;
  // Keep the region, drop any -u- keywords the browser sent: the app sets its own.
  locale = locale.split('-u-')[0]!;
  const keywords: string[] = [];
  if (language === 'ar' && calendar === 'islamic-umalqura') keywords.push('ca-islamic-umalqura');
  if (language === 'ar' && !regional) keywords.push('nu-arab');
  return keywords.length ? `${locale}-u-${keywords.join('-')}` : locale;
}
