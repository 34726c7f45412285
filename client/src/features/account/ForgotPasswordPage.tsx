import { useState } from "react";
import { useTranslation } from "react-i18next";
import { requestReset } from "../../api/accounts.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { hrefOf } from "../../routing/route.ts";

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    await requestReset(email);
    setSent(true);
  });
  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="forgot-title">
        <p className="login__brand">{t("app.name")}</p>
        <h1 id="forgot-title">{t("reset.heading")}</h1>
        <p className="muted">{t("reset.intro")}</p>
        <label className="field">
          <span className="field__label">{t("login.email")}</span>
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            data-testid="forgot-email"
          />
        </label>
        {sent && (
          <p className="alert alert--success" role="status" data-testid="forgot-sent">
            {t("reset.sent")}
          </p>
        )}
        {error !== null && (
          <p className="alert alert--error" role="alert">
            {errorMessage(t, error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="forgot-submit">
          {t("reset.send")}
        </button>
        <a href={hrefOf({ page: "login" })}>{t("reset.back")}</a>
      </form>
    </main>
  );
}
