import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicInvitation } from "../../../../shared/api/accountSchemas.ts";
import type { User } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { acceptInvitation, fetchInvitation } from "../../api/accounts.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { useSubmit } from "../../lib/useSubmit.ts";
import { NewPasswordField } from "./PasswordField.tsx";

/** The invitation link's page: who invites to what; name and password create the account and sign in. */
export function InvitationPage({ token, onSignedIn }: { token: string; onSignedIn: (user: User) => void }) {
  const { t, i18n } = useTranslation();
  const [invitation, setInvitation] = useState<PublicInvitation | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  useEffect(() => {
    fetchInvitation(token).then((found) => {
      setInvitation(found);
      setName((current) => current || found.name || "");
    }, setLoadError);
  }, [token]);
  const { busy, error, submit } = useSubmit(async () => onSignedIn(await acceptInvitation(token, { name, password })));
  const lang = i18n.resolvedLanguage;
  const orgName = invitation ? invitation.organisation.name[lang === "fr" || lang === "it" ? lang : "de"] : "";

  return (
    <main className="login">
      <form className="login__card" onSubmit={submit} aria-labelledby="invitation-title" data-testid="invitation-page">
        <p className="login__brand">{t("app.name")}</p>
        <h1 id="invitation-title">{t("invitation.heading")}</h1>
        {loadError !== null && (
          <p className="alert alert--error" role="alert" data-testid="invitation-invalid">
            {isApiError(loadError, "not_found") ? t("invitation.invalid") : errorMessage(t, loadError)}
          </p>
        )}
        {invitation && (
          <>
            <p data-testid="invitation-intro">
              {t("invitation.intro", { organisation: orgName, email: invitation.email })}
            </p>
            <p className="muted">
              {t("invitation.expires", { date: formatDateTime(invitation.expiresAt, i18n.language) })}
            </p>
            <label className="field">
              <span className="field__label">{t("invitation.name")}</span>
              <input
                required
                maxLength={100}
                autoComplete="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                data-testid="invitation-name"
              />
            </label>
            <NewPasswordField
              label={t("invitation.password")}
              value={password}
              onChange={setPassword}
              testId="invitation-password"
            />
            {error !== null && (
              <p className="alert alert--error" role="alert" data-testid="invitation-error">
                {isApiError(error, "not_found") ? t("invitation.invalid") : errorMessage(t, error)}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={busy} data-testid="invitation-accept">
              {t("invitation.accept")}
            </button>
          </>
        )}
      </form>
    </main>
  );
}
