import type { AuditRecord } from "../../shared/api/schemas.ts";
import { forbidden } from "../errors.ts";
import type { AuditRow, AuditStore } from "../store/ports/AuditStore.ts";
import type { DocumentReader } from "./documents.ts";
import { openDocument } from "./documents.ts";

/** An audit row as the API shows it. */
export const toAuditRecord = ({
  id,
  at,
  userId,
  userName,
  subjectId,
  subjectName,
  action,
  detail,
}: AuditRow): AuditRecord => ({ id, at, userId, userName, subjectId, subjectName, action, detail });

/** A document's audit log, newest first; owners only. Document events only: sign-ins are their user's own business. */
export async function readAudit(
  store: DocumentReader & AuditStore,
  documentId: string,
  actorId: string,
  limit: number,
): Promise<AuditRecord[]> {
  const { role } = await openDocument(store, documentId, actorId);
  if (role !== "owner") throw forbidden("only owners read the audit log");
  return (await store.listAudit(documentId, limit)).map(toAuditRecord);
}
