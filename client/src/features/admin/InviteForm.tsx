import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  ACCOUNT_LANGUAGES,
  type AccountLanguage,
  type InvitationCreated,
} from "../../../../shared/api/accountSchemas.ts";
import { invite } from "../../api/admin.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useSubmit } from "../../lib/useSubmit.ts";

/** Invites an e-mail address into `orgId`; without SMTP it shows the link to copy. */
export function InviteForm({ orgId, onInvited }: { orgId: string; onInvited: () => void }) {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [language, setLanguage] = useState<AccountLanguage>(
    ACCOUNT_LANGUAGES.find((l) => l === i18n.resolvedLanguage) ?? "de",
  );
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    setCreated(null);
    setCreated(await invite({ email, orgId, language, ...(name.trim() ? { name: name.trim() } : {}) }));
    setEmail("");
    setName("");
    onInvited();
  });
  return (
    <form onSubmit={submit} aria-labelledby="invite-title" className="admin-invite">
      <h2 id="invite-title">{t("admin.invite.heading")}</h2>
      <label className="field">
        <span className="field__label">{t("admin.invite.email")}</span>
        <input
          type="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="invite-email"
        />
      </label>
      <label className="field">
        <span className="field__label">{t("admin.invite.name")}</span>
        <input maxLength={100} value={name} onChange={(e) => setName(e.target.value)} data-testid="invite-name" />
      </label>
      <label className="field">
        <span className="field__label">{t("admin.invite.language")}</span>
        <select
          value={language}
          onChange={(e) => setLanguage(ACCOUNT_LANGUAGES.find((l) => l === e.target.value) ?? "de")}
          data-testid="invite-language"
        >
          {ACCOUNT_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`account.languages.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {error !== null && (
        <p className="alert alert--error" role="alert" data-testid="invite-error">
          {errorMessage(t, error)}
        </p>
      )}
      {created?.mailed && <p className="alert alert--success">{t("admin.invite.mailed")}</p>}
      {created?.url && (
        <div className="alert alert--info" data-testid="invite-link-box">
          <p>{t("admin.invite.copy")}</p>
          <input readOnly value={created.url} onFocus={(e) => e.target.select()} data-testid="invite-link" />
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={busy || !orgId} data-testid="invite-submit">
        {t("admin.invite.submit")}
      </button>
    </form>
  );
}
