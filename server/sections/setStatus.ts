import type * as Y from "yjs";
import type { Role } from "../../shared/roles.ts";
import {
  readSectionStatuses,
  type SectionEntry,
  type SectionStatus,
  sectionStatusOf,
  sectionsOf,
} from "../../shared/sections/sections.ts";
import { type DocumentReader, openDocument } from "../documents/documents.ts";
import { conflict, documentFinal, forbidden, milestonePending, notFound } from "../errors.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { ServerChanges } from "../versions/restore.ts";

/** Roles that take part in the negotiation: those that can suggest or edit. */
const NEGOTIATES: ReadonlySet<Role> = new Set(["owner", "editor", "suggester"]);

/**
 * A member sets their own organisation's status of one section of an agreement: only
 * members who can suggest or edit, only for their organisation, and only when it is one of
 * the document's parties. Written by the server into the live doc (`sectionStatus` map,
 * which clients are refused), so every replica sees it at once. Refused while a milestone
 * locks the document (409), like every other change, and once it is final (409 document_final).
 */
export async function setSectionStatus(
  deps: { store: DocumentReader & AuditStore; live: ServerChanges },
  documentId: string,
  actor: { id: string; orgId: string },
  sectionId: string,
  status: SectionStatus,
): Promise<SectionEntry> {
  const doc = await openDocument(deps.store, documentId, actor.id);
  if (doc.kind !== "agreement") throw conflict("only an agreement's sections carry a negotiation status");
  if (!NEGOTIATES.has(doc.role)) throw forbidden("only members who can suggest or edit set a section's status");
  if (!doc.parties.some((p) => p.orgId === actor.orgId)) {
    throw forbidden("only a party's members set its status");
  }
  // A signed agreement is negotiated no more: say so, not "a milestone is pending" (the live
  // room refuses the change either way).
  if (doc.final) throw documentFinal();
  let written: SectionEntry | null = null;
  const applied = await deps.live.applyServerChange(documentId, actor.id, (live: Y.Doc) => {
    if (!sectionsOf(live).some((s) => s.id === sectionId)) return;
    const entry: SectionEntry = {
      ...readSectionStatuses(live).get(sectionId),
      [actor.orgId]: { status, by: actor.id, at: new Date().toISOString() },
    };
    sectionStatusOf(live).set(sectionId, entry);
    written = entry;
  });
  if (!applied) throw milestonePending();
  if (!written) throw notFound("section");
  await deps.store.appendAudit({
    userId: actor.id,
    documentId,
    action: "section.status",
    detail: { section: sectionId, orgId: actor.orgId, status },
  });
  return written;
}
