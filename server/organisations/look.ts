import type { AdminOrganisation, Organisation } from "../../shared/api/organisations.ts";
import type { OrganisationRow, OrganisationStore } from "../store/ports/OrganisationStore.ts";

/** Colour of an organisation the store does not know (a user of a removed row, say). */
export const NEUTRAL_COLOUR = "#5f6b7a";

/** How every signed-in user sees an organisation: names, short name, colour; no settings. */
export const publicOrganisation = (org: OrganisationRow): Organisation => ({
  id: org.id,
  kind: org.kind,
  name: { ...org.name },
  shortName: org.shortName,
  colour: org.colour,
});

/** An organisation with the settings its administrators see. */
export const adminOrganisation = (org: OrganisationRow): AdminOrganisation => ({
  ...publicOrganisation(org),
  domains: [...org.domains],
  active: org.active,
  ssoProvisioning: org.ssoProvisioning,
  passwordSignIn: org.passwordSignIn,
});

/** How the organisation `orgId` is shown; an unknown id keeps its id as name and a neutral colour. */
export async function describeOrganisation(
  store: Pick<OrganisationStore, "findOrganisation">,
  orgId: string,
): Promise<Organisation> {
  const org = await store.findOrganisation(orgId);
  if (org) return publicOrganisation(org);
  return {
    id: orgId,
    kind: "other",
    name: { de: orgId, fr: orgId, it: orgId },
    shortName: orgId,
    colour: NEUTRAL_COLOUR,
  };
}

/**
 * The directory every signed-in user reads (GET /api/organisations): active organisations
 * only, in the store's order (federal, cantons, communes, others). Documents carry their
 * parties' looks themselves, so an inactive party is still shown where it is named.
 */
export async function listOrganisations(store: Pick<OrganisationStore, "listOrganisations">): Promise<Organisation[]> {
  return (await store.listOrganisations()).filter((o) => o.active).map(publicOrganisation);
}
