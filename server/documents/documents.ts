import { randomBytes } from "node:crypto";
import type {
  DocumentKind,
  DocumentListEntry,
  DocumentParty,
  DocumentSummary,
  UpdateDocumentRequest,
} from "../../shared/api/schemas.ts";
import { canEditContent, type Role } from "../../shared/roles.ts";
import { documentFinal, forbidden, notFound } from "../errors.ts";
import { describeOrganisation } from "../organisations/look.ts";
import { chooseParties } from "../organisations/parties.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";

import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { DocumentRow, DocumentStore } from "../store/ports/DocumentStore.ts";
import type { NotificationStore } from "../store/ports/NotificationStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import { finalNoteOfState } from "../versions/finalState.ts";
import { milestoneStates } from "../versions/status.ts";
import { unreadCountsByDocument, waitingOf } from "./waiting.ts";

/** What reading a document needs: the document, its members, its parties' organisations and where its milestone path stands. */
export type DocumentReader = DocumentStore &
  Pick<VersionStore, "listVersionHeads" | "listApprovals"> &
  Pick<OrganisationStore, "findOrganisation" | "listOrganisations">;

/** Document ids as they appear in URLs and room names. */
export const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A document as the API shows it: with the caller's role and where it stands on its milestone path. */
async function summary(store: DocumentReader, doc: DocumentRow, role: Role): Promise<DocumentSummary> {
  return summaryOf(store, doc, role, await standingOf(store, doc));
}

/** Where the document stands on its milestone path. */
async function standingOf(store: DocumentReader, doc: DocumentRow) {
  const versions = await store.listVersionHeads(doc.id);
  return milestoneStates(doc, versions, await store.listApprovals(versions.map((v) => v.id)));
}

async function summaryOf(
  store: DocumentReader,
  doc: DocumentRow,
  role: Role,
  { lock, next, final }: Awaited<ReturnType<typeof standingOf>>,
): Promise<DocumentSummary> {
  return {
    ...doc,
    role,
    lock: lock
      ? {
          versionId: lock.version.id,
          milestone: lock.version.milestone,
          label: lock.template?.label ?? lock.version.milestone,
        }
      : null,
    nextMilestone: next ? { id: next.id, label: next.label } : null,
    parties: await partiesOf(store, doc),
    final: final
      ? {
          versionId: final.version.id,
          milestone: final.version.milestone,
          label: final.template?.label ?? final.version.milestone,
          ...finalNoteOfState(doc.kind, final),
        }
      : null,
    amends: await amendedOf(store, doc),
    amendments: await store.listAmendments(doc.id),
  };
}

/** The signed document an amendment amends, with its title (null for any other document). */
async function amendedOf(store: DocumentReader, doc: DocumentRow): Promise<DocumentSummary["amends"]> {
  if (!doc.amends) return null;
  const amended = await store.findDocument(doc.amends.documentId);
  return { ...doc.amends, title: amended?.title ?? doc.amends.documentId };
}

/** The document's parties with each organisation's look, so the client names no organisation itself. */
function partiesOf(store: DocumentReader, doc: DocumentRow): Promise<DocumentParty[]> {
  return Promise.all(
    doc.parties.map(async (p) => ({ ...p, organisation: await describeOrganisation(store, p.orgId) })),
  );
}

/**
 * The documents `user` is a member of, with their role in each and what waits for them there.
 * The unread counts are read once for all documents, not once per document.
 */
export async function listDocuments(
  store: DocumentReader & Pick<NotificationStore, "unreadByDocument">,
  user: { id: string; orgId: string },
): Promise<DocumentListEntry[]> {
  const unread = unreadCountsByDocument(await store.unreadByDocument(user.id));
  return Promise.all(
    (await store.listDocumentsOf(user.id)).map(async ({ role, ...doc }) => {
      const standing = await standingOf(store, doc);
      const waiting = waitingOf(standing.lock, { ...user, role }, unread.get(doc.id) ?? new Map());
      return { ...(await summaryOf(store, doc, role, standing)), waiting };
    }),
  );
}

/** The document and the user's role in it; `not_found` for unknown ids, `forbidden` for non-members. */
export async function openDocument(
  store: DocumentReader,
  documentId: string,
  userId: string,
): Promise<DocumentSummary> {
  const doc = DOCUMENT_ID.test(documentId) ? await store.findDocument(documentId) : null;
  if (!doc) throw notFound("document");
  const role = await store.roleOf(documentId, userId);
  if (!role) throw forbidden("not a member of this document");
  return summary(store, doc, role);
}

/** An agreement binds both parties: by default only the other party accepts a suggestion. */
export const crossPartyByDefault = (kind: DocumentKind): boolean => kind === "agreement";

/**
 * Creates an empty document with the creator as its owner and its two parties
 * (`chooseParties`: checked before anything is written).
 */
export async function createDocument(
  store: DocumentReader,
  creator: Pick<UserRow, "id" | "orgId">,
  input: { title: string; kind: DocumentKind; parties?: string[] | undefined; id?: string },
): Promise<DocumentSummary> {
  const id = input.id ?? randomBytes(9).toString("base64url");
  const crossPartyAcceptance = crossPartyByDefault(input.kind);
  const parties = await chooseParties(store, creator, input.parties);
  const created = await store.createDocument({
    id,
    title: input.title,
    kind: input.kind,
    ownerId: creator.id,
    crossPartyAcceptance,
    parties,
  });
  return summary(store, created, "owner");
}

/** Renames a document (owners and editors) and/or sets cross-party acceptance (owners). */
export async function updateDocument(
  store: DocumentReader & AuditStore,
  documentId: string,
  userId: string,
  change: UpdateDocumentRequest,
): Promise<DocumentSummary> {
  const current = await openDocument(store, documentId, userId);
  if (change.title !== undefined && !canEditContent(current.role)) {
    throw forbidden("only owners and editors may rename a document");
  }
  // The title heads the signed text: a final document keeps the one it was signed under.
  if (change.title !== undefined && current.final) throw documentFinal();
  if (change.crossPartyAcceptance !== undefined && current.role !== "owner") {
    throw forbidden("only owners may change who accepts suggestions");
  }
  if (change.title !== undefined) await store.renameDocument(documentId, change.title);
  if (change.crossPartyAcceptance !== undefined) {
    await store.setCrossPartyAcceptance(documentId, change.crossPartyAcceptance);
    await store.appendAudit({
      userId,
      documentId,
      action: "document.acceptance_changed",
      detail: { crossPartyAcceptance: change.crossPartyAcceptance },
    });
  }
  return openDocument(store, documentId, userId);
}
