import { randomBytes } from "node:crypto";
import { getSchema, type JSONContent } from "@tiptap/core";
import type { DocumentSummary } from "../../shared/api/schemas.ts";
import { canEditContent } from "../../shared/roles.ts";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import { withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { forbidden, notFinal, notFound } from "../errors.ts";
import { yjsStateOf } from "../seed/demoContent.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import { type DocumentReader, openDocument } from "./documents.ts";

const schema = getSchema(schemaExtensions());

/** Longest title a document takes (shared/api/schemas.ts Title). */
const MAX_TITLE = 200;

/** The title of the `n`th amendment of a document: "Nachtrag 1 zu <Titel>", cut to a title's length. */
export const amendmentTitle = (n: number, title: string): string => `Nachtrag ${n} zu ${title}`.slice(0, MAX_TITLE);

/**
 * The signed text an amendment starts from: the final version's content with every open
 * suggestion rejected (what was signed is the accepted text; a suggestion nobody accepted
 * is not part of it). Threads live outside the content and are not copied.
 */
export function signedContent(pmJson: string): JSONContent {
  return withAllRejected(schema.nodeFromJSON(JSON.parse(pmJson))).toJSON() as JSONContent;
}

/**
 * Starts an amendment (Nachtrag) of a final agreement: a new document of kind `amendment`
 * with the same parties and members, whose text is the signed version's and whose own path
 * starts at "Nachtrag bereinigt". Owners and editors of either party may start one. The
 * signed document is only read: its versions, chain and hashes stay exactly as they are.
 */
export async function startAmendment(
  store: DocumentReader & Pick<VersionStore, "findVersion"> & AuditStore,
  documentId: string,
  actor: Pick<UserRow, "id" | "orgId">,
): Promise<DocumentSummary> {
  const signed = await openDocument(store, documentId, actor.id);
  if (!canEditContent(signed.role) || !signed.parties.some((p) => p.orgId === actor.orgId)) {
    throw forbidden("only owners and editors of a party start an amendment");
  }
  if (signed.kind !== "agreement" || !signed.final) throw notFinal();
  const version = await store.findVersion(signed.final.versionId);
  if (!version) throw notFound("version");
  // Everyone keeps their role, so the same negotiators carry on with the same rights; the
  // person who starts it owns it (and a viewer of the agreement stays a viewer).
  const members = (await store.listMembers(documentId)).map((m) => ({ userId: m.userId, role: m.role }));
  const id = randomBytes(9).toString("base64url");
  await store.createDocument({
    id,
    title: amendmentTitle(signed.amendments.length + 1, signed.title),
    kind: "amendment",
    ownerId: actor.id,
    crossPartyAcceptance: signed.crossPartyAcceptance,
    parties: signed.parties.map((p) => ({ orgId: p.orgId, role: p.role })),
    amends: { documentId, versionId: version.id },
    members,
    initialState: yjsStateOf(signedContent(version.pmJson)),
  });
  const detail = { amendmentId: id, amendsDocumentId: documentId, versionId: version.id };
  await store.appendAudit({ userId: actor.id, documentId, action: "amendment.started", detail });
  await store.appendAudit({ userId: actor.id, documentId: id, action: "amendment.started", detail });
  return openDocument(store, id, actor.id);
}
