import { useTranslation } from "react-i18next";
import type { AdminOrganisation } from "../../api/admin.ts";
import { organisationName } from "./organisationName.ts";

/**
 * Chooses the organisation to administer: from the list when it loaded, else by id (the
 * organisations API may be missing; the server checks the choice anyway).
 */
export function OrganisationPicker({
  list,
  value,
  onChange,
}: {
  list: AdminOrganisation[] | null;
  value: string;
  onChange: (orgId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="field">
      <label className="field__label" htmlFor="admin-org">
        {list ? t("admin.organisation") : t("admin.organisationId")}
      </label>
      {list ? (
        <select id="admin-org" value={value} onChange={(e) => onChange(e.target.value)} data-testid="admin-org">
          {list.map((o) => (
            <option key={o.id} value={o.id}>
              {organisationName(o, i18n.resolvedLanguage)}
            </option>
          ))}
        </select>
      ) : (
        <input id="admin-org" value={value} onChange={(e) => onChange(e.target.value.trim())} data-testid="admin-org" />
      )}
    </div>
  );
}
