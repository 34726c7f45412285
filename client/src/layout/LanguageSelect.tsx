import { useTranslation } from "react-i18next";
import { changeLanguage, LANGUAGES } from "../i18n/i18n.ts";

/** Chooses the UI language; each language is named in itself. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span className="visually-hidden">{t("header.language")}</span>
      <select
        value={i18n.resolvedLanguage ?? "de"}
        onChange={(e) => {
          const language = LANGUAGES.find((lang) => lang === e.target.value);
          if (language) changeLanguage(language);
        }}
        data-testid="language"
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
