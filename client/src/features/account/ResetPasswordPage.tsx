import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { resetPassword } from "../../api/accounts.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { NewPasswordField } from "./PasswordField.tsx";

/** The reset link's page: a new password, then signed in (every other session has ended). */
export function ResetPasswordPage({ token, onSignedIn }: { token: string; onSignedIn: (user: User) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const { busy, error, submit } = useSubmit(async () => onSignedIn(await resetPassword(token, password)));
  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="reset-title">
        <p className="login__brand">{t("app.name")}</p>
        <h1 id="reset-title">{t("reset.newHeading")}</h1>
        <NewPasswordField label={t("reset.password")} value={password} onChange={setPassword} testId="reset-password" />
        {error !== null && (
          <p className="alert alert--error" role="alert" data-testid="reset-error">
            {isApiError(error, "not_found") ? t("reset.invalid") : errorMessage(t, error)}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy} data-testid="reset-submit">
          {t("reset.save")}
        </button>
      </form>
    </main>
  );
}
