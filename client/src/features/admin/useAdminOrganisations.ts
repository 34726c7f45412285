import { useCallback, useEffect, useState } from "react";
import { type AdminOrganisation, listAdminOrganisations } from "../../api/admin.ts";

/** The organisations this administrator manages (all for an instance administrator), reloadable. */
export function useAdminOrganisations() {
  const [list, setList] = useState<AdminOrganisation[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    listAdminOrganisations().then(
      (orgs) => {
        setList(orgs);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, []);
  useEffect(reload, [reload]);
  return { list, error, reload };
}
