import { useEffect, useState } from "react";
import type { Organisation } from "../../../shared/api/schemas.ts";
import { fetchMyOrganisation } from "../api/auth.ts";

/** The signed-in user's organisation as the server describes it; null until loaded (or if that failed). */
export function useOwnOrganisation(userId: string): Organisation | null {
  const [organisation, setOrganisation] = useState<Organisation | null>(null);
  useEffect(() => {
    void userId; // another user, another organisation
    let current = true;
    fetchMyOrganisation().then(
      (org) => current && setOrganisation(org),
      // Only the swatch's colour is missing: the header shows the organisation's name anyway.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [userId]);
  return organisation;
}
