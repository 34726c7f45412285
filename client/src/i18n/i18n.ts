import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { it } from "./it.ts";

/** Languages the UI offers: the official languages, German first, then English. */
export const LANGUAGES = ["de", "fr", "it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "accord:language";

const isLanguage = (value: string | null): value is Language => LANGUAGES.some((lang) => lang === value);

/** The language chosen earlier on this browser, else German. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return isLanguage(stored) ? stored : "de";
}

/** Switches the UI language and remembers it on this browser. */
export function changeLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

/** Initialises i18next synchronously (the catalogues are bundled), before the first render. */
export function initI18n(): void {
  const lng = initialLanguage();
  document.documentElement.lang = lng;
  void i18next.use(initReactI18next).init({
    resources: {
      de: { translation: de },
      fr: { translation: fr },
      it: { translation: it },
      en: { translation: en },
    },
    lng,
    fallbackLng: "de",
    initAsync: false,
    // React escapes text itself.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
