import { describe, expect, it } from 'vitest';
import { directionOf, intlLocale, pickLanguage } from './languages';

describe('pickLanguage', () => {
  it('takes the first of the browser’s languages the page speaks, by base language', () => {
    expect(pickLanguage(['fr-FR', 'ar-EG', 'en'])).toBe('ar');
    expect(pickLanguage(['he-IL'])).toBe('he');
    expect(pickLanguage(['iw'])).toBe('he');
    expect(pickLanguage(['en-GB', 'ar'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['de', 'fr'])).toBe('en');
  });
});

describe('directionOf', () => {
  it('writes Arabic and Hebrew right to left', () => {
    expect([directionOf('ar'), directionOf('he'), directionOf('en')]).toEqual([
      'rtl',
      'rtl',
      'ltr',
    ]);
  });
});

describe('intlLocale', () => {
  it('keeps the reader’s region for their language', () => {
    expect(intlLocale('en', ['en-GB'])).toBe('en-GB');
    expect(intlLocale('ar', ['ar-MA', 'en'])).toBe('ar-MA');
    expect(intlLocale('he', ['de', 'he-IL'])).toBe('he-IL');
  });

  it('writes Arabic with Arabic-Indic digits unless the reader’s region says otherwise', () => {
    expect(intlLocale('ar', ['en-GB'])).toBe('ar-u-nu-arab');
    const digits = (locale: string) => new Intl.NumberFormat(locale).format(27);
    expect(digits(intlLocale('ar', []))).toBe('٢٧');
    expect(digits(intlLocale('he', []))).toBe('27');
  });

  it('adds the Hijri calendar for Arabic only, and drops keywords the browser sent', () => {
    expect(intlLocale('ar', [], 'islamic-umalqura')).toBe('ar-u-ca-islamic-umalqura-nu-arab');
    expect(intlLocale('he', [], 'islamic-umalqura')).toBe('he');
    expect(intlLocale('en', ['en-US-u-ca-buddhist'])).toBe('en-US');
  });

  it('ignores a browser language Intl cannot read', () => {
    expect(intlLocale('en', ['en-!!'])).toBe('en');
  });
});
