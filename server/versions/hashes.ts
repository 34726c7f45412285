import { createHash } from "node:crypto";
import type { ApprovalRow, VersionRow } from "../store/ports/VersionStore.ts";

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");

/** SHA-256 of the canonical JSON text of the ProseMirror document (shared/versions/canonicalJson.ts). */
export const contentHashOf = (canonicalPmJson: string): string => sha256(canonicalPmJson);

export const stateHashOf = (state: Uint8Array): string => sha256(state);

/**
 * A version's chain hash: SHA-256 over the previous chain hash, its content hash, milestone,
 * time and who froze it, and, so that no stored byte is left unbound, the document, the
 * version's id and place, the hash of its Yjs state and of the open items it was frozen
 * with, and the hash of its record (title, labels, names as exports print them). Fields are
 * joined with "\n" (none can contain one: ids, ISO times, hex hashes). Rows frozen before the
 * record was kept have none and their recipe has no record line, so they still verify.
 */
export function chainHashOf(v: Omit<VersionRow, "chainHash" | "state" | "pmJson">): string {
  return sha256(
    [
      v.prevHash ?? "",
      v.contentHash,
      v.milestone,
      v.frozenAt,
      v.frozenBy,
      v.documentId,
      v.id,
      String(v.seq),
      v.stateHash,
      sha256(v.openItems),
      ...recordLine(v.record),
    ].join("\n"),
  );
}

/** The record's line of a recipe: its SHA-256, or nothing for rows made before records were kept. */
const recordLine = (record: string | null): string[] => (record === null ? [] : [sha256(record)]);

/** An approval's hash binds the decision, what it records and its record to the version's chain hash. */
export function approvalHashOf(a: Omit<ApprovalRow, "hash">, versionChainHash: string): string {
  return sha256(
    [
      versionChainHash,
      a.id,
      a.versionId,
      a.userId,
      a.orgId,
      a.decision,
      a.details,
      // A reason may span lines: joined raw, "A" + at "T" and "A\nT" + at "" would hash alike.
      // Rows with a record (all since records are kept) bind it by its SHA-256 instead.
      a.record === null ? (a.reason ?? "") : sha256(a.reason ?? ""),
      a.at,
      ...recordLine(a.record),
    ].join("\n"),
  );
}
