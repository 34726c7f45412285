import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member, MemberCandidate } from "../../../../shared/api/schemas.ts";
import type { Role } from "../../../../shared/roles.ts";
import { listCandidates } from "../../api/members.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { RoleOptions } from "./RoleOptions.tsx";

interface AddMemberFormProps {
  documentId: string;
  /** The members as listed now: the candidates are reloaded whenever they change. */
  members: Member[] | null;
  onAdd: (userId: string, role: Role) => Promise<boolean>;
}

/**
 * Adds a person picked from the document's party organisations (`member-candidate-select`)
 * with a role (`member-role-select`, `member-add`). Only the server's candidates are offered,
 * so no typed address can tell whether an account exists elsewhere.
 */
export function AddMemberForm({ documentId, members, onAdd }: AddMemberFormProps) {
  const { t } = useTranslation();
  const { organisation } = useDocument();
  const [candidates, setCandidates] = useState<MemberCandidate[] | null>(null);
  const [userId, setUserId] = useState("");
  const [role, setRole] = useState<Role>("commenter");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void members; // a member added or removed: who is a candidate changed
    let current = true;
    listCandidates(documentId).then(
      (list) => current && setCandidates(list),
      () => current && setCandidates([]),
    );
    return () => {
      current = false;
    };
  }, [documentId, members]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!userId || busy) return;
    setBusy(true);
    void onAdd(userId, role).then((added) => {
      setBusy(false);
      if (added) setUserId("");
    });
  };

  if (candidates !== null && candidates.length === 0) {
    return (
      <p className="muted" data-testid="member-no-candidates">
        {t("parties.noCandidates")}
      </p>
    );
  }
  return (
    <form className="members__add" onSubmit={submit}>
      <select
        value={userId}
        onChange={(e) => setUserId(e.target.value)}
        aria-label={t("parties.candidate")}
        data-testid="member-candidate-select"
        required
      >
        <option value="">{t("parties.chooseCandidate")}</option>
        {(candidates ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({organisation(c.orgId).shortName}) – {c.email}
          </option>
        ))}
      </select>
      <select
        value={role}
        onChange={(e) => setRole(e.target.value as Role)}
        aria-label={t("members.role")}
        data-testid="member-role-select"
      >
        <RoleOptions />
      </select>
      <button type="submit" className="button button--small" data-testid="member-add" disabled={busy || !userId}>
        {t("members.add")}
      </button>
    </form>
  );
}
