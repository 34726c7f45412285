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

/**
 * The hash-chained versions and the decisions on them. The chain is the truth about the
 * milestone lock (a pending newest version locks the document); the update log keeps a copy
 * of it that these writes change in their own transaction (see `sql/documentLock.ts`).
 */
export interface VersionStore {
  /**
   * Appends a version and locks the document's log with it, in one transaction; refused
   * (throws) if another version took its place in the chain (same seq).
   */
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
  /**
   * Appends a decision; refused (throws) if the organisation already decided on that
   * version. `settles` is the domain's rule, judged inside the same transaction (document
   * row locked) on every decision on the version including this one: true when the
   * milestone is settled (reached or rejected), and the document's log unlocks with it. So
   * two organisations deciding at once cannot both miss that together they settled it.
   */
  insertApproval(approval: ApprovalRow, settles?: (decisions: readonly ApprovalRow[]) => boolean): Promise<void>;
  /** The decisions on these versions, oldest first. */
  listApprovals(versionIds: readonly string[]): Promise<ApprovalRow[]>;
  /** Decisions whose version does not exist (only tampering makes them). */
  listOrphanApprovals(): Promise<ApprovalRow[]>;
}
