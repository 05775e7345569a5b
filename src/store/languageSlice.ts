// Language slice: the language and calendar the reader chose (the link's `lang=`, or the
// language menu). Null follows the browser; src/i18n/follow.ts applies the result to the page.
import type { StateCreator } from 'zustand';
import type { Calendar, Language } from '../i18n/languages';
import type { AppState } from './index';

export interface LanguageSlice {
  /** The language chosen in the app or by the link; null follows `navigator.languages`. */
  chosenLanguage: Language | null;
  /** Gregorian, or the Hijri (Umm al-Qura) calendar, offered for Arabic. */
  calendar: Calendar;
  chooseLanguage: (language: Language | null) => void;
  setCalendar: (calendar: Calendar) => void;
}

export const createLanguageSlice: StateCreator<AppState, [], [], LanguageSlice> = (set) => ({
  chosenLanguage: null,
  calendar: 'gregory',
  chooseLanguage: (chosenLanguage) => set({ chosenLanguage }),
  setCalendar: (calendar) => set({ calendar }),
});
