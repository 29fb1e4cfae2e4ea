import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { toLanguage, type Language } from '../time/format-time';
import { en, id } from './resources';

export const LANGUAGE_STORAGE_KEY = 'sigap.language';

const storedLanguage = (): Language => {
  try {
    return toLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    return 'id';
  }
};

/**
 * Initialises i18next synchronously with the bundled strings, in the language last chosen on
 * this browser (Bahasa Indonesia by default). Safe to call more than once.
 */
export const initI18n = (language: Language = storedLanguage()): I18n => {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { id: { translation: id }, en: { translation: en } },
      lng: language,
      fallbackLng: 'id',
      supportedLngs: ['id', 'en'],
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  document.documentElement.lang = language;
  return i18next;
};

/** The current language and a setter that also remembers the choice on this browser. */
export const useLanguage = (): [Language, (language: Language) => void] => {
  const { i18n } = useTranslation();
  const setLanguage = (language: Language): void => {
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Without storage the choice lasts for this page only.
    }
    document.documentElement.lang = language;
    void i18n.changeLanguage(language);
  };
  return [toLanguage(i18n.language), setLanguage];
};
