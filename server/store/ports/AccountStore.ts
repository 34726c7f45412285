import type { OrganisationStore } from "./OrganisationStore.ts";

/** What a user may administer beyond their documents: every organisation, or their own. */
export const INSTANCE_ROLES = ["admin", "org_admin"] as const;
export type InstanceRole = (typeof INSTANCE_ROLES)[number];

/** The languages Accord speaks to a user in (UI and e-mail); German by default. */
export const LANGUAGES = ["de", "fr", "it", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export interface UserRow {
  id: string;
  email: string;
  name: string;
  orgId: string;
  passwordHash: string;
  /** When the account was deactivated; null while it is active. A deactivated account has no sessions. */
  deactivatedAt: string | null;
  /** null for a user who administers nothing. */
  instanceRole: InstanceRole | null;
  language: Language;
  lastSignInAt: string | null;
  /** May be named as a signatory of their organisation on a signature milestone (set by administrators). */
  signingAuthority: boolean;
}

/**
 * The domain's rule for a change to who administers the instance: given the ids of the
 * active instance administrators before the change, "last_admin" to refuse it, null to let it through.
 */
export type AdministratorCheck = (activeAdministrators: readonly string[]) => "last_admin" | null;

/** A user as created: active, never signed in; no instance role, no signing authority and German unless given. */
export type NewUser = Omit<
  UserRow,
  "deactivatedAt" | "lastSignInAt" | "instanceRole" | "language" | "signingAuthority"
> &
  Partial<Pick<UserRow, "instanceRole" | "language" | "signingAuthority">>;

/** Users. Organisations have their own port. */
export interface AccountStore {
  createUser(user: NewUser): Promise<void>;
  findUserByEmail(email: string): Promise<UserRow | null>;
  findUserById(id: string): Promise<UserRow | null>;
  countUsers(): Promise<number>;
  /** The users of these organisations, active or not, by organisation and name. */
  listUsersOf(orgIds: readonly string[]): Promise<UserRow[]>;
  /** Notes a successful sign-in (password or single sign-on). */
  recordSignIn(userId: string, at: Date): Promise<void>;
  /**
   * Sets a new password hash and, in the same transaction, deletes every session of the
   * user except `keepSession` (a token hash; null ends them all). False for an unknown user.
   */
  setPassword(userId: string, passwordHash: string, keepSession: string | null): Promise<boolean>;
  /**
   * Sets the instance role unless `check` refuses, judged on the active administrators as
   * they stand inside the change's transaction (locked), so that two administrators demoting
   * each other at once cannot both pass. False for an unknown user.
   */
  setInstanceRole(
    userId: string,
    role: InstanceRole | null,
    check?: AdministratorCheck,
  ): Promise<boolean | "last_admin">;
  setLanguage(userId: string, language: Language): Promise<boolean>;
  /** Grants or withdraws signing authority. False for an unknown user. */
  setSigningAuthority(userId: string, signingAuthority: boolean): Promise<boolean>;
  /** Lets a deactivated account sign in again. False for an unknown user. */
  reactivateUser(userId: string): Promise<boolean>;
}

/** What exports and records need of accounts: the names behind ids. */
export type NameLookup = Pick<AccountStore, "findUserById"> & Pick<OrganisationStore, "organisationName">;
