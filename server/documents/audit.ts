import type { AuditRecord } from "../../shared/api/schemas.ts";
import { forbidden } from "../errors.ts";
import type { Store } from "../store/Store.ts";
import { openDocument } from "./documents.ts";

/** A document's audit log, newest first; owners only. */
export async function readAudit(
  store: Store,
  documentId: string,
  actorId: string,
  limit: number,
): Promise<AuditRecord[]> {
  const { role } = await openDocument(store, documentId, actorId);
  if (role !== "owner") throw forbidden("only owners read the audit log");
  return (await store.listAudit(documentId, limit)).map(
    ({ id, at, userId, userName, subjectId, subjectName, action, detail }) => ({
      id,
      at,
      userId,
      userName,
      subjectId,
      subjectName,
      action,
      detail,
    }),
  );
}
