/** An organisation: a party that documents name and that decides on milestones. */
export interface OrganisationRow {
  id: string;
  name: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  orgId: string;
  passwordHash: string;
  /** When the account was deactivated; null while it is active. A deactivated account has no sessions. */
  deactivatedAt: string | null;
}

/** A user as created: active. */
export type NewUser = Omit<UserRow, "deactivatedAt">;

/** Users and organisations. */
export interface AccountStore {
  upsertOrganisation(org: OrganisationRow): Promise<void>;
  organisationName(orgId: string): Promise<string | null>;
  createUser(user: NewUser): Promise<void>;
  findUserByEmail(email: string): Promise<UserRow | null>;
  findUserById(id: string): Promise<UserRow | null>;
  countUsers(): Promise<number>;
}

/** What exports and records need of accounts: the names behind ids. */
export type NameLookup = Pick<AccountStore, "findUserById" | "organisationName">;
