import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ACCOUNT_LANGUAGES, type AccountLanguage } from "../../../../shared/api/accountSchemas.ts";
import type { User } from "../../../../shared/api/schemas.ts";
import { changePassword, setAccountLanguage } from "../../api/accounts.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { changeLanguage, LANGUAGES } from "../../i18n/i18n.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { NotificationSettingsSection } from "../notifications/index.ts";
import { NewPasswordField } from "./PasswordField.tsx";

/** The signed-in user's own page: language (interface and e-mail), password and notifications. */
export function AccountPage({ user, onChanged }: { user: User; onChanged: (user: User) => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [changed, setChanged] = useState(false);
  const [languageSaved, setLanguageSaved] = useState(false);
  const [languageError, setLanguageError] = useState<unknown>(null);
  const password = useSubmit(async () => {
    setChanged(false);
    await changePassword({ current, next });
    setCurrent("");
    setNext("");
    setChanged(true);
  });

  const pickLanguage = (language: AccountLanguage) => {
    setLanguageSaved(false);
    setLanguageError(null);
    setAccountLanguage(language).then((updated) => {
      const ui = LANGUAGES.find((l) => l === language);
      if (ui) changeLanguage(ui);
      onChanged(updated);
      setLanguageSaved(true);
    }, setLanguageError);
  };

  return (
    <main className="page" data-testid="account-page">
      <h1>{t("account.heading")}</h1>
      <p>
        {user.name} · {user.email} · {user.orgName}
      </p>
      <label className="field">
        <span className="field__label">{t("account.language")}</span>
        <select
          value={user.language}
          onChange={(e) => {
            const language = ACCOUNT_LANGUAGES.find((l) => l === e.target.value);
            if (language) pickLanguage(language);
          }}
          data-testid="account-language"
        >
          {ACCOUNT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`account.languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {languageSaved && <p className="alert alert--success">{t("account.languageSaved")}</p>}
      {languageError !== null && <p className="alert alert--error">{errorMessage(t, languageError)}</p>}

      <form onSubmit={password.submit} aria-labelledby="password-title">
        <h2 id="password-title">{t("account.passwordHeading")}</h2>
        <label className="field">
          <span className="field__label">{t("account.current")}</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            data-testid="account-current"
          />
        </label>
        <NewPasswordField label={t("account.next")} value={next} onChange={setNext} testId="account-next" />
        {changed && (
          <p className="alert alert--success" role="status" data-testid="account-changed">
            {t("account.changed")}
          </p>
        )}
        {password.error !== null && (
          <p className="alert alert--error" role="alert" data-testid="account-error">
            {errorMessage(t, password.error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={password.busy} data-testid="account-submit">
          {t("account.change")}
        </button>
      </form>
      <NotificationSettingsSection />
    </main>
  );
}
