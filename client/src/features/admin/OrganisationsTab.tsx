import { useTranslation } from "react-i18next";
import type { User } from "../../../../shared/api/schemas.ts";
import { type AdminOrganisation, createOrganisation, updateOrganisation } from "../../api/admin.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { OrganisationForm } from "./OrganisationForm.tsx";
import { organisationName } from "./organisationName.ts";

/** The organisations: instance administrators add, rename, deactivate, set domains and sign-in switches. */
export function OrganisationsTab({
  user,
  list,
  error,
  reload,
}: {
  user: User;
  list: AdminOrganisation[] | null;
  error: unknown;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const instanceAdmin = user.instanceRole === "admin";
  const save = (id: string) => async (change: Parameters<typeof updateOrganisation>[1]) => {
    await updateOrganisation(id, change);
    reload();
  };
  return (
    <section data-testid="admin-organisations">
      {error !== null && (
        <p className="alert alert--error" role="alert">
          {t("admin.organisations.unavailable")} {errorMessage(t, error)}
        </p>
      )}
      {instanceAdmin && (
        <details>
          <summary>{t("admin.organisations.add")}</summary>
          <OrganisationForm
            initial={null}
            testId="org-new"
            onSave={async (input) => {
              await createOrganisation(input);
              reload();
            }}
          />
        </details>
      )}
      {list?.map((org) => (
        <details key={org.id} data-testid={`org-${org.id}`}>
          <summary>
            <span className="app-header__swatch" style={{ backgroundColor: org.colour }} aria-hidden="true" />{" "}
            {organisationName(org, i18n.resolvedLanguage)} ({org.shortName}){" "}
            {!org.active && <em>{t("admin.people.inactive")}</em>}
          </summary>
          {instanceAdmin && (
            <>
              <OrganisationForm initial={org} testId={`org-form-${org.id}`} onSave={save(org.id)} />
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void save(org.id)({ active: !org.active }).catch(() => undefined)}
              >
                {org.active ? t("admin.organisations.deactivate") : t("admin.organisations.reactivate")}
              </button>
            </>
          )}
        </details>
      ))}
    </section>
  );
}
