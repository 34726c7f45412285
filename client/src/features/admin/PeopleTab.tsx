import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DirectoryEntry, InvitationSummary, UserAdminChange } from "../../../../shared/api/accountSchemas.ts";
import type { User } from "../../../../shared/api/schemas.ts";
import {
  type AdminOrganisation,
  changePerson,
  listInvitations,
  listPeople,
  revokeInvitation,
} from "../../api/admin.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { useOnReturn } from "../../lib/useOnReturn.ts";
import { InviteForm } from "./InviteForm.tsx";
import { OrganisationPicker } from "./OrganisationPicker.tsx";

/** One organisation's people (access, role), the invite form and the open invitations. */
export function PeopleTab({ user, organisations }: { user: User; organisations: AdminOrganisation[] | null }) {
  const { t, i18n } = useTranslation();
  const [orgId, setOrgId] = useState(user.orgId);
  const [people, setPeople] = useState<DirectoryEntry[]>([]);
  const [invitations, setInvitations] = useState<InvitationSummary[]>([]);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    if (!orgId) return;
    setError(null);
    Promise.all([listPeople(orgId), listInvitations(orgId)]).then(([p, i]) => {
      setPeople(p);
      setInvitations(i);
    }, setError);
  }, [orgId]);
  useEffect(reload, [reload]);
  // An invitee may have joined meanwhile.
  useOnReturn(reload);

  const change = (id: string, body: UserAdminChange) => changePerson(id, body).then(reload, setError);
  const revoke = (id: string) => revokeInvitation(id).then(reload, setError);
  const isInstanceAdmin = user.instanceRole === "admin";

  return (
    <section data-testid="admin-people">
      <OrganisationPicker list={organisations} value={orgId} onChange={setOrgId} />
      {error !== null && (
        <p className="alert alert--error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      {people.length === 0 ? (
        <p className="muted">{t("admin.people.empty")}</p>
      ) : (
        <table className="doc-table" data-testid="people-list">
          <thead>
            <tr>
              <th scope="col">{t("admin.people.name")}</th>
              <th scope="col">{t("admin.people.email")}</th>
              <th scope="col">{t("admin.people.status")}</th>
              <th scope="col">{t("admin.people.lastSignIn")}</th>
              <th scope="col">{t("admin.people.role")}</th>
              <th scope="col">{t("fourEyes.signingAuthority")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const self = p.id === user.id;
              const locked = self || (p.instanceRole === "admin" && !isInstanceAdmin);
              return (
                <tr key={p.id} data-testid={`person-${p.email}`}>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>{p.active ? t("admin.people.active") : t("admin.people.inactive")}</td>
                  <td>{p.lastSignInAt ? formatDateTime(p.lastSignInAt, i18n.language) : t("admin.people.never")}</td>
                  <td>
                    <select
                      aria-label={`${t("admin.people.role")}: ${p.name}`}
                      value={p.instanceRole ?? ""}
                      disabled={locked}
                      onChange={(e) => {
                        const role = e.target.value === "" ? null : e.target.value === "admin" ? "admin" : "org_admin";
                        void change(p.id, { instanceRole: role });
                      }}
                      data-testid={`person-role-${p.email}`}
                    >
                      <option value="">{t("admin.people.roles.none")}</option>
                      <option value="org_admin">{t("admin.people.roles.org_admin")}</option>
                      {(isInstanceAdmin || p.instanceRole === "admin") && (
                        <option value="admin">{t("admin.people.roles.admin")}</option>
                      )}
                    </select>
                  </td>
                  <td>
                    {/* Administrators of the person's organisation set it, never for themselves (the server's rule). */}
                    <input
                      type="checkbox"
                      aria-label={`${t("fourEyes.signingAuthority")}: ${p.name}`}
                      checked={p.signingAuthority}
                      disabled={locked}
                      onChange={(e) => void change(p.id, { signingAuthority: e.target.checked })}
                      data-testid={`person-signing-${p.email}`}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--quiet"
                      disabled={locked}
                      onClick={() => void change(p.id, { active: !p.active })}
                      data-testid={`person-toggle-${p.email}`}
                    >
                      {p.active ? t("admin.people.deactivate") : t("admin.people.reactivate")}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <InviteForm orgId={orgId} onInvited={reload} />

      <h2>{t("admin.invite.open")}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t("admin.invite.none")}</p>
      ) : (
        <ul data-testid="invitation-list">
          {invitations.map((i) => (
            <li key={i.id} data-testid={`invitation-${i.email}`}>
              {i.name ? `${i.name} · ` : ""}
              {i.email} · {t("admin.invite.expires", { date: formatDateTime(i.expiresAt, i18n.language) })}{" "}
              <button type="button" className="button button--quiet" onClick={() => void revoke(i.id)}>
                {t("admin.invite.revoke")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
