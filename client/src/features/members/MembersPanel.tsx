import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../../../shared/api/schemas.ts";
import { ROLES, type Role } from "../../../../shared/roles.ts";
import { putMember, removeMember } from "../../api/members.ts";
import { organisationLook } from "../../collab/organisation.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useMembers } from "./useMembers.ts";

interface MembersPanelProps {
  documentId: string;
  /** The signed-in user's role: owners manage the members, everyone else reads the list. */
  role: Role;
  userId: string;
}

/**
 * Who is a member of the document, with their roles (`data-testid="members-panel"`). Owners
 * add members by e-mail, change roles and remove members; the server enforces the same and
 * keeps the last owner.
 */
export function MembersPanel({ documentId, role, userId }: MembersPanelProps) {
  const { t } = useTranslation();
  const { members, error, set } = useMembers(documentId, role);
  const [failure, setFailure] = useState<unknown>(null);
  const manage = role === "owner";

  const run = (action: () => Promise<Member[]>) => {
    setFailure(null);
    action().then(set, setFailure);
  };
  const change = (member: Member, next: Role) => run(() => putMember(documentId, { email: member.email, role: next }));
  const remove = (member: Member) =>
    run(async () => {
      await removeMember(documentId, member.userId);
      return (members ?? []).filter((m) => m.userId !== member.userId);
    });

  const problem = failure ?? error;
  return (
    <section className="panel members" data-testid="members-panel" aria-labelledby="members-heading">
      <h2 className="panel__title" id="members-heading">
        {t("members.heading")}
      </h2>
      {problem !== null && (
        <p className="alert alert--error" role="alert" data-testid="members-error">
          {errorMessage(t, problem)}
        </p>
      )}
      <ul className="members__list">
        {(members ?? []).map((member) => (
          <li key={member.userId} className="members__row" data-testid="member-row" data-user-id={member.userId}>
            <span className="members__name">
              {member.name}
              {member.userId === userId && <span className="muted"> ({t("members.you")})</span>}
            </span>
            <span className="members__org">{organisationLook(member.orgId, member.orgId).shortName}</span>
            {manage ? (
              <span className="members__actions">
                <select
                  value={member.role}
                  aria-label={t("members.changeRole", { name: member.name })}
                  data-testid="member-row-role"
                  onChange={(e) => change(member, e.target.value as Role)}
                >
                  <RoleOptions />
                </select>
                <button
                  type="button"
                  className="link-button"
                  data-testid="member-remove"
                  onClick={() => remove(member)}
                >
                  {t("members.remove")}
                </button>
              </span>
            ) : (
              <span className="members__role" data-role={member.role}>
                {t(`roles.${member.role}`)}
              </span>
            )}
          </li>
        ))}
      </ul>
      {manage && <AddMemberForm onAdd={(email, next) => run(() => putMember(documentId, { email, role: next }))} />}
    </section>
  );
}

function RoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((r) => (
    <option key={r} value={r}>
      {t(`roles.${r}`)}
    </option>
  ));
}

function AddMemberForm({ onAdd }: { onAdd: (email: string, role: Role) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("commenter");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) return;
    onAdd(email.trim(), role);
    setEmail("");
  };
  return (
    <form className="members__add" onSubmit={submit}>
      <input
        type="email"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        placeholder={t("members.email")}
        aria-label={t("members.email")}
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
      <button type="submit" className="button button--small" data-testid="member-add">
        {t("members.add")}
      </button>
    </form>
  );
}
