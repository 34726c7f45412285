import type { PartyRole } from "../../../shared/api/organisations.ts";
import type { DocumentKind } from "../../../shared/api/schemas.ts";
import type { Role } from "../../../shared/roles.ts";

/** An organisation named as a party of a document, in the role the milestone templates name. */
export interface PartyRow {
  orgId: string;
  role: PartyRole;
}

export interface DocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  createdAt: string;
  updatedAt: string;
  /** Suggestions are accepted only by another party than the author's. */
  crossPartyAcceptance: boolean;
  /** The document's parties, canton first; each organisation and each role at most once. */
  parties: PartyRow[];
  /** For an amendment (kind `amendment`): the signed document and version it amends; null otherwise. */
  amends: AmendedVersion | null;
}

/** The signed version an amendment starts from. */
export interface AmendedVersion {
  documentId: string;
  versionId: string;
}

/** An amendment as the signed document lists it. */
export interface AmendmentRow {
  id: string;
  title: string;
  createdAt: string;
}

/** A document as created: its first owner and its settings, chosen by the domain. */
export interface NewDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  ownerId: string;
  crossPartyAcceptance: boolean;
  parties: PartyRow[];
  /** Required for kind `amendment`, absent for every other kind. */
  amends?: AmendedVersion;
  /**
   * Further members written in the same transaction (an amendment copies the signed
   * document's); the owner is `ownerId` whatever this says.
   */
  members?: readonly { userId: string; role: Role }[];
  /** The document's first content as one Yjs update, stored as its first log row in the same transaction. */
  initialState?: Uint8Array;
}

export interface MembershipRow {
  documentId: string;
  userId: string;
  role: Role;
}

/** A member with the user's details, as the members list shows them. */
export interface MemberRow extends MembershipRow {
  email: string;
  name: string;
  orgId: string;
}

/** Why a membership change was refused. */
export type MembershipRefusal = "last_owner";

/**
 * The domain's rule for a membership change, judged on the document's members as they
 * stand inside the change's own transaction: a refusal, or null to let it through.
 */
export type MembershipCheck = (
  members: readonly MembershipRow[],
  change: { userId: string; role: Role | null },
) => MembershipRefusal | null;

/** Outcome of `changeMembership`: the role before, or a refusal that changed nothing. */
export type MembershipChange = { ok: true; previous: Role | null } | { ok: false; reason: MembershipRefusal };

/** Documents, their settings and who may do what in them. */
export interface DocumentStore {
  /** Creates the document with `ownerId` as its owner and its parties, in one transaction. */
  createDocument(doc: NewDocument): Promise<DocumentRow>;
  findDocument(id: string): Promise<DocumentRow | null>;
  renameDocument(id: string, title: string): Promise<void>;
  setCrossPartyAcceptance(id: string, on: boolean): Promise<void>;
  listDocumentsOf(userId: string): Promise<(DocumentRow & { role: Role })[]>;
  roleOf(documentId: string, userId: string): Promise<Role | null>;
  setMembership(membership: MembershipRow): Promise<void>;
  removeMembership(documentId: string, userId: string): Promise<void>;
  /**
   * Sets a member's role (adding them if needed) or removes them (`role` null), unless
   * `check` refuses; check and write share one transaction with the document row locked,
   * so two owners demoting each other at the same time cannot both pass.
   */
  changeMembership(
    documentId: string,
    userId: string,
    role: Role | null,
    check: MembershipCheck,
  ): Promise<MembershipChange>;
  /** The amendments of a signed document, oldest first. */
  listAmendments(documentId: string): Promise<AmendmentRow[]>;
  /** Members of a document with their user details, in role order (`ROLES`), then by name. */
  listMembers(documentId: string): Promise<MemberRow[]>;
}
