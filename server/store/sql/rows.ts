import type { DocumentKind } from "../../../shared/api/schemas.ts";
import type { InstanceRole, Language, UserRow } from "../ports/AccountStore.ts";
import type { DocumentRow } from "../ports/DocumentStore.ts";
import type { ApprovalRow, VersionHead, VersionRow } from "../ports/VersionStore.ts";

// Row shapes as both databases return them, and their mappers: written once.

/** Both drivers return Buffers; hand out plain Uint8Array views over the same bytes. */
export const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export interface UserDbRow {
  id: string;
  email: string;
  name: string;
  org_id: string;
  password_hash: string;
  deactivated_at: string | null;
  instance_role: InstanceRole | null;
  language: Language;
  last_sign_in_at: string | null;
  signing_authority: number | boolean;
}

export const toUser = (r: UserDbRow): UserRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  orgId: r.org_id,
  passwordHash: r.password_hash,
  deactivatedAt: r.deactivated_at,
  instanceRole: r.instance_role,
  language: r.language,
  lastSignInAt: r.last_sign_in_at,
  signingAuthority: Boolean(r.signing_authority),
});

export interface DocumentDbRow {
  id: string;
  title: string;
  kind: DocumentKind;
  created_at: string;
  updated_at: string;
  /** SQLite answers 0/1, PostgreSQL a boolean. */
  cross_party_acceptance: number | boolean;
  /** Set on an amendment (migration 13): the signed document and version it amends. */
  amends_document_id: string | null;
  amends_version_id: string | null;
}

/** What the `kind` column holds for a kind: an amendment is stored as 'agreement' with its link (migration 13). */
export const storedKind = (kind: DocumentKind): "concept" | "agreement" => (kind === "amendment" ? "agreement" : kind);

export const toDocument = (r: DocumentDbRow, parties: DocumentRow["parties"] = []): DocumentRow => ({
  id: r.id,
  title: r.title,
  kind: r.amends_document_id ? "amendment" : r.kind,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  crossPartyAcceptance: Boolean(r.cross_party_acceptance),
  parties,
  amends:
    r.amends_document_id && r.amends_version_id
      ? { documentId: r.amends_document_id, versionId: r.amends_version_id }
      : null,
});

export interface VersionDbRow {
  id: string;
  document_id: string;
  seq: number;
  milestone: string;
  state: Buffer;
  pm_json: string;
  content_hash: string;
  state_hash: string;
  prev_hash: string | null;
  chain_hash: string;
  frozen_by: string;
  frozen_at: string;
  open_items: string;
  record: string | null;
}

export const toVersion = (r: VersionDbRow): VersionRow => ({
  ...toVersionHead(r),
  state: bytes(r.state),
  pmJson: r.pm_json,
});

export interface ApprovalDbRow {
  id: string;
  version_id: string;
  user_id: string;
  org_id: string;
  decision: "approve" | "reject";
  details: string;
  reason: string | null;
  at: string;
  record: string | null;
  hash: string;
}

export const toApproval = (r: ApprovalDbRow): ApprovalRow => ({
  id: r.id,
  versionId: r.version_id,
  userId: r.user_id,
  orgId: r.org_id,
  decision: r.decision,
  details: r.details,
  reason: r.reason,
  at: r.at,
  record: r.record,
  hash: r.hash,
});

/** Columns of a version head (no state, no document). */
export const VERSION_HEAD_COLUMNS =
  "id, document_id, seq, milestone, content_hash, state_hash, prev_hash, chain_hash, frozen_by, frozen_at, open_items, record";

export const toVersionHead = (r: Omit<VersionDbRow, "state" | "pm_json">): VersionHead => ({
  id: r.id,
  documentId: r.document_id,
  seq: r.seq,
  milestone: r.milestone,
  contentHash: r.content_hash,
  stateHash: r.state_hash,
  prevHash: r.prev_hash,
  chainHash: r.chain_hash,
  frozenBy: r.frozen_by,
  frozenAt: r.frozen_at,
  openItems: r.open_items,
  record: r.record,
});
