/** What an organisation is in a deployment: the SEM, a canton, a commune or another body. */
export const ORGANISATION_KINDS = ["federal", "canton", "commune", "other"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** The languages organisations are named in. */
export interface OrganisationNames {
  de: string;
  fr: string;
  it: string;
}

/** An organisation: a party that documents name, whose members decide on milestones. */
export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: OrganisationNames;
  shortName: string;
  /** `#rrggbb`. */
  colour: string;
  /** E-mail domains (lower case) that map a sign-in to this organisation; each belongs to one. */
  domains: string[];
  /** An inactive organisation keeps its data but can be named as a party of no new document. */
  active: boolean;
  /** Single sign-on may create accounts for the organisation's domains on first sign-in. */
  ssoProvisioning: boolean;
  /** Members may sign in with a password; off where the organisation signs in only through SSO. */
  passwordSignIn: boolean;
}

/** What can change about an organisation after it was created (not its id); names one language at a time. */
export type OrganisationChange = Partial<Omit<OrganisationRow, "id" | "name">> & { name?: Partial<OrganisationNames> };

/** Why an organisation could not be written. */
export type OrganisationConflict = "id_taken" | "domain_taken";

/** The organisations of the deployment. */
export interface OrganisationStore {
  /** Every organisation, active or not: federal first, then cantons, communes and others, each by German name. */
  listOrganisations(): Promise<OrganisationRow[]>;
  findOrganisation(id: string): Promise<OrganisationRow | null>;
  /** The organisation's German name; null for an unknown id. */
  organisationName(orgId: string): Promise<string | null>;
  /** The organisation a (lower-case) e-mail domain belongs to. */
  organisationForDomain(domain: string): Promise<OrganisationRow | null>;
  /** Creates it, or says which unique value is taken (nothing written then). */
  createOrganisation(org: OrganisationRow): Promise<OrganisationConflict | null>;
  /** Changes it in one transaction (domains replaced as a whole); "not_found", a conflict, or null when done. */
  updateOrganisation(id: string, change: OrganisationChange): Promise<OrganisationConflict | "not_found" | null>;
}
