import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Member } from "../../../../shared/api/schemas.ts";
import type { Role } from "../../../../shared/roles.ts";
import { putMember, removeMember } from "../../api/members.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { AddMemberForm } from "./AddMemberForm.tsx";
import { type MembersAction, membersErrorMessage } from "./membersErrorMessage.ts";
import { RoleOptions } from "./RoleOptions.tsx";
import { useMembers } from "./useMembers.ts";

/**
 * Who is a member of the document, with their roles (`data-testid="members-panel"`). Owners
 * add members picked from the party organisations' people, change roles and remove members;
 * the server enforces the same and keeps the last owner. Everyone else reads the list.
 */
export function MembersPanel() {
  const { t } = useTranslation();
  const { doc, user, organisation } = useDocument();
  const [documentId, role, userId] = [doc.id, doc.role, user.id];
  const { members, error, set } = useMembers(documentId, role);
  const [failure, setFailure] = useState<{ error: unknown; action: MembersAction } | null>(null);
  const manage = role === "owner";

  /** Runs a request that answers the new list; resolves whether it succeeded. */
  const run = (action: MembersAction, request: () => Promise<Member[]>): Promise<boolean> => {
    setFailure(null);
    return request().then(
      (list) => {
        set(list);
        return true;
      },
      (err: unknown) => {
        setFailure({ error: err, action });
        return false;
      },
    );
  };
  const change = (member: Member, next: Role) =>
    void run("change", () => putMember(documentId, { userId: member.userId, role: next }));
  const remove = (member: Member) =>
    void run("remove", async () => {
      await removeMember(documentId, member.userId);
      return (members ?? []).filter((m) => m.userId !== member.userId);
    });

  const problem = failure ?? (error === null ? null : { error, action: "load" as const });
  return (
    <section className="panel members" data-testid="members-panel" aria-labelledby="members-heading">
      <h2 className="panel__title" id="members-heading">
        {t("members.heading")}
      </h2>
      {problem !== null && (
        <p className="alert alert--error" role="alert" data-testid="members-error">
          {membersErrorMessage(t, problem.error, problem.action)}
        </p>
      )}
      <ul className="members__list">
        {(members ?? []).map((member) => (
          <li key={member.userId} className="members__row" data-testid="member-row" data-user-id={member.userId}>
            <span className="members__name">
              {member.name}
              {member.userId === userId && <span className="muted"> ({t("members.you")})</span>}
            </span>
            <span className="members__org">{organisation(member.orgId).shortName}</span>
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
      {manage && (
        <AddMemberForm
          documentId={documentId}
          members={members}
          onAdd={(candidate, next) => run("add", () => putMember(documentId, { userId: candidate, role: next }))}
        />
      )}
    </section>
  );
}
