import type { DirectoryEntry, UserAdminChange } from "../../shared/api/accountSchemas.ts";
import { forbidden, lastAdministrator, notFound } from "../errors.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { SessionStore } from "../store/ports/SessionStore.ts";
import { administers, isInstanceAdmin, keepsAnAdministrator } from "./administration.ts";
import { deactivateAccount } from "./deactivate.ts";
import type { LiveSessions } from "./LiveSessions.ts";

export interface PeopleDeps {
  store: AccountStore & SessionStore & AuditStore;
  sessions: Pick<LiveSessions, "userDeactivated" | "userReactivated">;
}

const entry = (u: UserRow): DirectoryEntry => ({
  id: u.id,
  name: u.name,
  email: u.email,
  orgId: u.orgId,
  active: u.deactivatedAt === null,
  lastSignInAt: u.lastSignInAt,
  instanceRole: u.instanceRole,
  signingAuthority: u.signingAuthority,
});

/** The people of an organisation the actor administers, active or not. */
export async function directory(deps: PeopleDeps, actor: UserRow, orgId: string): Promise<DirectoryEntry[]> {
  if (!administers(actor, orgId)) throw forbidden("you do not administer this organisation");
  return (await deps.store.listUsersOf([orgId])).map(entry);
}

/**
 * Who may change whom, checked before anything is written:
 * - only administrators of the person's organisation;
 * - nobody changes their own access or role (no one locks themselves out or promotes themselves);
 * - instance administrators only are granted, revoked, deactivated or reactivated by instance administrators;
 * - organisation administrators grant and revoke `org_admin` within their organisation;
 * - the instance keeps at least one active administrator;
 * - signing authority is granted and withdrawn by the administrators of the person's
 *   organisation (never by the person: nobody makes themselves a signatory).
 */
export async function changeUser(
  deps: PeopleDeps,
  actor: UserRow,
  userId: string,
  change: UserAdminChange,
): Promise<DirectoryEntry> {
  const { store } = deps;
  const target = await store.findUserById(userId);
  if (!target) throw notFound("user");
  if (!administers(actor, target.orgId)) throw forbidden("you do not administer this person's organisation");
  if (target.id === actor.id) throw forbidden("you cannot change your own access or role");
  const touchesAdmin = target.instanceRole === "admin" || change.instanceRole === "admin";
  if (touchesAdmin && !isInstanceAdmin(actor)) throw forbidden("only instance administrators manage administrators");
  const role = change.instanceRole === undefined ? target.instanceRole : change.instanceRole;
  const active = change.active ?? target.deactivatedAt === null;
  // Judged again inside each write's transaction: two administrators demoting each other
  // at the same moment must not both pass.
  const keeps = keepsAnAdministrator(target.id);

  if (role !== target.instanceRole) {
    if ((await store.setInstanceRole(target.id, role, keeps)) === "last_admin") throw lastAdministrator();
    await store.appendAudit({
      userId: actor.id,
      documentId: null,
      subjectId: target.id,
      action: "account.role_changed",
      detail: { from: target.instanceRole, to: role },
    });
  }
  if (change.signingAuthority !== undefined && change.signingAuthority !== target.signingAuthority) {
    await store.setSigningAuthority(target.id, change.signingAuthority);
    await store.appendAudit({
      userId: actor.id,
      documentId: null,
      subjectId: target.id,
      action: "account.signing_authority_changed",
      detail: { from: target.signingAuthority, to: change.signingAuthority },
    });
  }
  const wasActive = target.deactivatedAt === null;
  if (
    wasActive &&
    !active &&
    (await deactivateAccount(store, deps.sessions, target.id, actor.id, keeps)) === "last_admin"
  ) {
    throw lastAdministrator();
  }
  if (!wasActive && active) {
    await store.reactivateUser(target.id);
    deps.sessions.userReactivated(target.id);
    await store.appendAudit({
      userId: actor.id,
      documentId: null,
      subjectId: target.id,
      action: "account.reactivated",
      detail: {},
    });
  }
  const after = await store.findUserById(target.id);
  if (!after) throw notFound("user");
  return entry(after);
}
