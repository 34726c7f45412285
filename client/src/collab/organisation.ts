import { ORGANISATION_IDS, ORGANISATIONS } from "../../../shared/organisations.ts";

/** Colour for users whose organisation Accord does not know. */
const NEUTRAL_COLOUR = "#5f6b7a";

/** Colour and short name under which a user's organisation is shown (carets, presence). */
export interface OrganisationLook {
  colour: string;
  shortName: string;
}

/** How to show the organisation `orgId`; unknown ids fall back to the server's name and a neutral colour. */
export function organisationLook(orgId: string, fallbackName: string): OrganisationLook {
  const id = ORGANISATION_IDS.find((known) => known === orgId);
  if (!id) return { colour: NEUTRAL_COLOUR, shortName: fallbackName };
  return { colour: ORGANISATIONS[id].colour, shortName: ORGANISATIONS[id].shortName };
}
