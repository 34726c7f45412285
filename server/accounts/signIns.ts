import type { AuditRecord } from "../../shared/api/schemas.ts";
import { toAuditRecord } from "../documents/audit.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";

/**
 * A user's own account events, newest first: their sign-ins and the failed or refused
 * attempts on their account, with addresses. Only the user reads them (there is no
 * instance administrator yet); no document's audit log shows them.
 */
export async function readAccountEvents(store: AuditStore, userId: string, limit: number): Promise<AuditRecord[]> {
  return (await store.listAccountEvents(userId, limit)).map(toAuditRecord);
}
