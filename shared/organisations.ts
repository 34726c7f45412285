/** The two parties of a KIP programme. Ids are stable; names are shown in the UI. */
export const ORGANISATIONS = {
  "kanton-so": {
    id: "kanton-so",
    name: "Kanton Solothurn, Amt für Gesellschaft und Soziales",
    shortName: "Kanton SO",
    colour: "#c8102e",
  },
  sem: {
    id: "sem",
    name: "SEM, Staatssekretariat für Migration",
    shortName: "SEM",
    colour: "#1f5fa8",
  },
} as const;

export type OrganisationId = keyof typeof ORGANISATIONS;
export const ORGANISATION_IDS = Object.keys(ORGANISATIONS) as OrganisationId[];

/** Colour of organisations Accord has no colour for. */
export const NEUTRAL_COLOUR = "#5f6b7a";

/** An organisation as the client shows it: its stored name, a short name for labels, a colour. */
export interface OrganisationLook {
  id: string;
  name: string;
  shortName: string;
  colour: string;
}

/** How the organisation `id` (stored as `name`) is shown; unknown ids keep their name and a neutral colour. */
export function organisationLook(id: string, name: string): OrganisationLook {
  const known = ORGANISATION_IDS.find((k) => k === id);
  if (!known) return { id, name, shortName: name, colour: NEUTRAL_COLOUR };
  return { id, name, shortName: ORGANISATIONS[known].shortName, colour: ORGANISATIONS[known].colour };
}
