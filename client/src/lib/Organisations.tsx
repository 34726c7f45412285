import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from "react";
import type { Organisation } from "../../../shared/api/schemas.ts";
import { fetchOrganisations } from "../api/organisations.ts";
import { organisationOf } from "./organisationOf.ts";

/** The deployment's organisations as the server lists them, loaded once per signed-in user. */
export interface Organisations {
  /** Active organisations, federal first; empty until loaded (or if loading failed). */
  list: readonly Organisation[];
  /** How an organisation is shown; unknown ids keep their id and a neutral colour. */
  look: (orgId: string) => Organisation;
}

const EMPTY: Organisations = { list: [], look: organisationOf() };
const OrganisationsContext = createContext<Organisations>(EMPTY);

/** Loads GET /api/organisations once for `userId` and offers it to everything below. */
export function OrganisationsProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const [list, setList] = useState<readonly Organisation[]>([]);
  useEffect(() => {
    void userId; // another user, another load
    let current = true;
    fetchOrganisations().then(
      (orgs) => current && setList(orgs),
      // Without the directory, documents still show their parties (their summaries carry them).
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [userId]);
  const value = useMemo(() => ({ list, look: organisationOf(list) }), [list]);
  return <OrganisationsContext.Provider value={value}>{children}</OrganisationsContext.Provider>;
}

/** The organisation directory (empty outside an OrganisationsProvider). */
export const useOrganisations = (): Organisations => useContext(OrganisationsContext);
