import type { UserRow } from "../store/ports/AccountStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";

/**
 * False for a member of an organisation that switched password sign-in off (it signs in
 * through single sign-on only). Asked only after the password was verified, so that the
 * answer tells nothing to someone who does not know it: to them it is a wrong password.
 */
export async function passwordSignInAllowed(
  store: Pick<OrganisationStore, "findOrganisation">,
  user: UserRow,
): Promise<boolean> {
  const org = await store.findOrganisation(user.orgId);
  return org?.passwordSignIn ?? true;
}
