import type { DocumentKind } from "../../shared/api/schemas.ts";
import type { Role } from "../../shared/roles.ts";
import type { UpdateLog } from "../sync/UpdateLog.ts";

export type { MergeUpdates, StoredState, UpdateRecord, UpdatesSince } from "../sync/UpdateLog.ts";

export interface OrganisationRow {
  id: string;
  name: string;
}

export interface UserRow {
  id: string;
  email: string;
  name: string;
  orgId: string;
  passwordHash: string;
  /** When the account was deactivated; null while it is active. A deactivated account has no sessions. */
  deactivatedAt: string | null;
}

/** A user as created: active. */
export type NewUser = Omit<UserRow, "deactivatedAt">;

/** A live session: it exists, has not expired, and its user is active. */
export interface SessionRow {
  tokenHash: string;
  user: UserRow;
  expiresAt: string;
}

export interface DocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  createdAt: string;
  updatedAt: string;
  /** Suggestions are accepted only by another organisation than the author's (default for agreements). */
  crossPartyAcceptance: boolean;
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

/** A stored audit entry with the names of its actor and subject. */
export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
  userName: string | null;
  subjectId: string | null;
  subjectName: string | null;
}

/** One line of the append-only audit log. */
export interface AuditEntry {
  /** Who acted; null when unknown (a failed sign-in). */
  userId: string | null;
  /** The document acted on; null for account events such as sign-ins. */
  documentId: string | null;
  /** The user the action was about when that is not the actor: a member whose role changed, an account someone failed to sign in to. */
  subjectId?: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/**
 * A frozen version: the document's Yjs state and ProseMirror JSON at a milestone request,
 * with its hashes. Written once, never updated or deleted (the schema's triggers refuse it).
 */
export interface VersionRow {
  id: string;
  documentId: string;
  /** 1 for the document's first version, then consecutive: the chain's order. */
  seq: number;
  milestone: string;
  state: Uint8Array;
  /** Canonical JSON of the ProseMirror document. */
  pmJson: string;
  contentHash: string;
  stateHash: string;
  prevHash: string | null;
  chainHash: string;
  frozenBy: string;
  frozenAt: string;
  /** Canonical JSON of the suggestions and threads that were open when it was frozen. */
  openItems: string;
  /**
   * Canonical JSON of what its exports print about it (title, labels, names), fixed at the
   * freeze and bound by the chain hash; null for versions frozen before it was kept.
   */
  record: string | null;
}

/** A version without its frozen bytes: enough to know where a document stands on its milestone path. */
export type VersionHead = Omit<VersionRow, "state" | "pmJson">;

/** One organisation's decision on a version. Written once, never updated or deleted. */
export interface ApprovalRow {
  id: string;
  versionId: string;
  userId: string;
  orgId: string;
  decision: "approve" | "reject";
  /** Canonical JSON of what the milestone asks the approval to record (e.g. RRB number, date). */
  details: string;
  reason: string | null;
  at: string;
  /** Canonical JSON of what exports print about the decision (names, labelled details); null before it was kept. */
  record: string | null;
  /** SHA-256 binding the decision to the version's chain hash. */
  hash: string;
}

/** Outcome of `changeMembership`: the role before, or a refusal that changed nothing. */
export type MembershipChange = { ok: true; previous: Role | null } | { ok: false; reason: "last_owner" };

/**
 * Everything Accord keeps. The sync engine sees only the update log methods; accounts and
 * documents use the rest. SQLite is the embedded default; PostgreSQL implements the same
 * interface for scale-out, and both pass one contract test suite.
 */
export interface Store extends UpdateLog {
  /** True when the database answers. */
  ping(): Promise<boolean>;

  upsertOrganisation(org: OrganisationRow): Promise<void>;
  createUser(user: NewUser): Promise<void>;
  findUserByEmail(email: string): Promise<UserRow | null>;
  findUserById(id: string): Promise<UserRow | null>;
  countUsers(): Promise<number>;
  organisationName(orgId: string): Promise<string | null>;

  createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
  /** The session if it exists, has not expired and its user is not deactivated. */
  findSession(tokenHash: string, now: Date): Promise<SessionRow | null>;
  /** Those of `tokenHashes` that `findSession` would still find at `now` (one query for many open sockets). */
  liveSessions(tokenHashes: readonly string[], now: Date): Promise<string[]>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Deactivates an account and deletes every session of it, in one transaction; a second
   * call keeps the first time. False for an unknown user.
   */
  deactivateUser(userId: string, at: Date): Promise<boolean>;

  createDocument(doc: { id: string; title: string; kind: DocumentKind; ownerId: string }): Promise<DocumentRow>;
  findDocument(id: string): Promise<DocumentRow | null>;
  renameDocument(id: string, title: string): Promise<void>;
  setCrossPartyAcceptance(id: string, on: boolean): Promise<void>;

  /** Appends a version; refused (throws) if another version took its place in the chain (same seq). */
  insertVersion(version: VersionRow): Promise<void>;
  /** A document's versions in chain order. */
  listVersions(documentId: string): Promise<VersionRow[]>;
  /** The same without state and document, for summaries read on every request. */
  listVersionHeads(documentId: string): Promise<VersionHead[]>;
  findVersion(id: string): Promise<VersionRow | null>;
  /** Versions whose content or chain hash is `hash`. */
  findVersionsByHash(hash: string): Promise<VersionRow[]>;
  /** Documents that have versions, for checking every chain. */
  documentsWithVersions(): Promise<string[]>;
  /** Appends a decision; refused (throws) if the organisation already decided on that version. */
  insertApproval(approval: ApprovalRow): Promise<void>;
  /** The decisions on these versions, oldest first. */
  listApprovals(versionIds: readonly string[]): Promise<ApprovalRow[]>;
  /** Decisions whose version does not exist (only tampering makes them). */
  listOrphanApprovals(): Promise<ApprovalRow[]>;
  listDocumentsOf(userId: string): Promise<(DocumentRow & { role: Role })[]>;
  roleOf(documentId: string, userId: string): Promise<Role | null>;
  setMembership(membership: MembershipRow): Promise<void>;
  removeMembership(documentId: string, userId: string): Promise<void>;
  /**
   * Sets a member's role (adding them if needed) or removes them (`role` null), in one
   * transaction that refuses, changing nothing, to leave the document without an owner.
   * Check and write must not be split: two owners demoting each other at the same time
   * would otherwise both pass the check. (PostgreSQL: lock the document row first.)
   */
  changeMembership(documentId: string, userId: string, role: Role | null): Promise<MembershipChange>;
  /** Members of a document with their user details, owners first. */
  listMembers(documentId: string): Promise<MemberRow[]>;

  appendAudit(entry: AuditEntry): Promise<void>;
  /**
   * A document's audit log, newest first: its own entries only. Account events (sign-ins
   * with their addresses) are never part of it: a member is no business of another's.
   */
  listAudit(documentId: string, limit: number): Promise<AuditRow[]>;
  /** One user's account events (no document), as actor or subject, newest first: their sign-ins and attempts on their account. */
  listAccountEvents(userId: string, limit: number): Promise<AuditRow[]>;

  close(): Promise<void>;
}
