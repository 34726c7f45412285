import type { User } from "../../shared/api/schemas.ts";
import { accountDeactivated, invalidCredentials } from "../errors.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";
import { verifyPassword } from "./passwords.ts";

/**
 * A hash that no password matches, checked when the e-mail is unknown so that a wrong
 * e-mail and a wrong password take the same time (no account enumeration by timing).
 */
const DUMMY_HASH =
  "scrypt$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * The user with this e-mail and password, or `invalid_credentials`; `account_deactivated`
 * for a deactivated account, said only to someone who knows its password.
 */
export async function authenticate(store: AccountStore, email: string, password: string): Promise<UserRow> {
  const user = await store.findUserByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) throw invalidCredentials();
  if (user.deactivatedAt !== null) throw accountDeactivated();
  return user;
}

/** The user as the API shows it: no password hash, with the organisation's name. */
export async function publicUser(store: Pick<OrganisationStore, "organisationName">, user: UserRow): Promise<User> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    orgId: user.orgId,
    orgName: (await store.organisationName(user.orgId)) ?? user.orgId,
    instanceRole: user.instanceRole,
    language: user.language,
  };
}
