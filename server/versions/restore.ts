import { canEditContent } from "../../shared/roles.ts";
import { type DocumentReader, openDocument } from "../documents/documents.ts";
import { documentFinal, forbidden, milestonePending, notFound } from "../errors.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import { restoreContent, type ServerChanges } from "./restoreContent.ts";

export type { ServerChanges } from "./restoreContent.ts";

/**
 * Puts a version's text back into the live document as a new change by `actorId` (owners
 * and editors): the history, every version and every hash stay as they are.
 */
export async function restoreVersion(
  deps: { store: DocumentReader & VersionStore & AuditStore; live: ServerChanges },
  versionId: string,
  actorId: string,
): Promise<void> {
  const version = await deps.store.findVersion(versionId);
  if (!version) throw notFound("version");
  const doc = await openDocument(deps.store, version.documentId, actorId);
  if (!canEditContent(doc.role)) throw forbidden("only owners and editors restore versions");
  if (doc.final) throw documentFinal();
  if (doc.lock) throw milestonePending();
  const applied = await restoreContent(deps.live, version.documentId, actorId, JSON.parse(version.pmJson));
  // Refused by the room: locked or final since the check above; the chain says which.
  if (!applied)
    throw (await openDocument(deps.store, version.documentId, actorId)).final ? documentFinal() : milestonePending();
  await deps.store.appendAudit({
    userId: actorId,
    documentId: version.documentId,
    action: "version.restored",
    detail: { versionId, contentHash: version.contentHash },
  });
}
