import type { AdministratorCheck, UserRow } from "../store/ports/AccountStore.ts";

/**
 * Who administers what: an instance administrator every organisation, an organisation
 * administrator their own. Deactivated accounts have no session, so they never get here.
 */
export function administers(user: Pick<UserRow, "instanceRole" | "orgId">, orgId: string): boolean {
  return user.instanceRole === "admin" || (user.instanceRole === "org_admin" && user.orgId === orgId);
}

/** True for an instance administrator (organisations, every directory). */
export const isInstanceAdmin = (user: Pick<UserRow, "instanceRole">): boolean => user.instanceRole === "admin";

/**
 * The instance keeps at least one active administrator: a change that takes `userId` out of
 * the active administrators passes only if another one remains.
 */
export const keepsAnAdministrator =
  (userId: string): AdministratorCheck =>
  (active) =>
    !active.includes(userId) || active.some((id) => id !== userId) ? null : "last_admin";
