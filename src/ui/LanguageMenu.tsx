// The language menu in the header: each language named in itself, and for Arabic the calendar
// (Gregorian, or the Umm al-Qura Hijri). A choice goes in the store, and from there into the
// page (i18n/follow.ts) and the link (`lang=`, `calendar=`).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Calendar } from '../i18n/languages';
import { useAppStore } from '../store';
import './language.css';

export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const choose = useAppStore((s) => s.chooseLanguage);
  const calendar = useAppStore((s) => s.calendar);
  const setCalendar = useAppStore((s) => s.setCalendar);
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  return (
    // The selects' own keys (the arrows change the choice) are not the header menu's, whose
    // arrows move between its items.
    // oxlint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      className="dl-language"
      title={t('app.languageTitle')}
      onKeyDown={(e) => {
        if (e.target instanceof HTMLSelectElement) e.stopPropagation();
      }}
    >
      <label htmlFor={`${id}-lang`} className="dl-sr-only">
        {t('app.language')}
      </label>
      <select
        id={`${id}-lang`}
        value={language}
        onChange={(e) => isLanguage(e.target.value) && choose(e.target.value)}
        data-testid="language"
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      {language === 'ar' && (
        <>
          <label htmlFor={`${id}-cal`} className="dl-sr-only">
            {t('app.calendar')}
          </label>
          <select
            id={`${id}-cal`}
            value={calendar}
            onChange={(e) => {
              // A calendar is chosen for Arabic: the link then names both.
              choose('ar');
              setCalendar(e.target.value as Calendar);
            }}
            data-testid="calendar"
          >
            <option value="gregory">{t('app.calendarGregorian')}</option>
            <option value="islamic-umalqura">{t('app.calendarHijri')}</option>
          </select>
        </>
      )}
    </div>
  );
}
