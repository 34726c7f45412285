import type { AdministratorCheck } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { SessionStore } from "../store/ports/SessionStore.ts";
import type { LiveSessions } from "./LiveSessions.ts";

/**
 * Deactivates an account: every session of it is deleted, every open socket of it closes
 * with 4401 on every instance, and sign-in is refused from then on. `actorId` is who did it, null for an
 * operator. False, changing nothing, for an unknown user.
 */
export async function deactivateAccount(
  store: SessionStore & AuditStore,
  sessions: Pick<LiveSessions, "userDeactivated">,
  userId: string,
  actorId: string | null = null,
  check?: AdministratorCheck,
): Promise<boolean | "last_admin"> {
  const done = await store.deactivateUser(userId, new Date(), check);
  if (done !== true) return done;
  sessions.userDeactivated(userId);
  await store.appendAudit({
    userId: actorId,
    documentId: null,
    subjectId: userId,
    action: "account.deactivated",
    detail: {},
  });
  return true;
}
