import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../shared/roles.ts";
import { RoleOptions } from "./RoleOptions.tsx";

/**
 * Adds a member by e-mail and role (`member-email-input`, `member-role-select`,
 * `member-add`). `onAdd` resolves true when the member was added; only then is the field
 * cleared, so a mistyped address can be corrected.
 */
export function AddMemberForm({ onAdd }: { onAdd: (email: string, role: Role) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("commenter");
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim() || busy) return;
    setBusy(true);
    void onAdd(email.trim(), role).then((added) => {
      setBusy(false);
      if (added) setEmail("");
    });
  };

  return (
    <form className="members__add" onSubmit={submit}>
      <input
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        placeholder={t("members.email")}
        aria-label={t("members.email")}
        maxLength={254}
        data-testid="member-email-input"
        required
      />
      <select
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        aria-label={t("members.role")}
        data-testid="member-role-select"
      >
        <RoleOptions />
      </select>
      <button type="submit" className="button button--small" data-testid="member-add" disabled={busy}>
        {t("members.add")}
      </button>
    </form>
  );
}
