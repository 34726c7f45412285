import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../shared/api/schemas.ts";
import { login } from "../../api/auth.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { LanguageSelect } from "../../layout/LanguageSelect.tsx";
import { hrefOf } from "../../routing/route.ts";
import { SsoButton } from "./SsoButton.tsx";

/**
 * The sign-in form: `login-email`, `login-password`, `login-submit`, and `login-error` on
 * failure; above it the single sign-on button when the server has it on.
 */
export function LoginPage({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login({ email, password }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="login-title">
        <p className="login__brand">{t("app.name")}</p>
        <p className="login__tagline">{t("app.tagline")}</p>
        <h1 id="login-title">{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        <SsoButton>
          <p className="sso-divider">{t("sso.orPassword")}</p>
        </SsoButton>
        <label className="field">
          <span className="field__label">{t("login.email")}</span>
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="login-email"
          />
        </label>
        <label className="field">
          <span className="field__label">{t("login.password")}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </label>
        {error !== null && (
          <p className="alert alert--error" role="alert" data-testid="login-error">
            {errorMessage(t, error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
        <a href={hrefOf({ page: "forgot" })} data-testid="forgot-link">
          {t("reset.forgot")}
        </a>
        <LanguageSelect />
      </form>
    </main>
  );
}
