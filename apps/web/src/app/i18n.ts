import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, DEFAULT_LOCALE, type Locale } from '@youshe/shared';
import zhCN from '../i18n/locales/zh-CN.json';
import zhTW from '../i18n/locales/zh-TW.json';
import en from '../i18n/locales/en.json';

const STORAGE_KEY = 'youshe.lang';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode); the default language then applies.
  }
  return DEFAULT_LOCALE;
}

const initial = storedLocale();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, en: { translation: en } },
  lng: initial,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyDocumentLanguage(locale: Locale) {
  document.documentElement.lang = locale;
}
applyDocumentLanguage(initial);

/** Switches the interface language and tells assistive technology through <html lang>. */
async function applyLocale(locale: Locale) {
  await i18n.changeLanguage(locale);
  applyDocumentLanguage(locale);
}

/** Switches the interface language and remembers the choice on this device. */
export async function setLocale(locale: Locale) {
  await applyLocale(locale);
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisted; the choice still applies to this tab.
  }
}

/** Whether someone chose a language on this device; that choice wins over the account's. */
export function hasStoredLocale(): boolean {
  try {
    return isLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

/**
 * Follows the language saved on the signed-in account, unless a language was chosen on this device.
 * Not remembered: the next person to sign in here gets their own account's language.
 */
export async function followAccountLocale(locale: Locale) {
  if (hasStoredLocale() || locale === currentLocale()) return;
  await applyLocale(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export default i18n;
