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
