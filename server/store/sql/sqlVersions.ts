import type { ApprovalRow, VersionStore } from "../ports/VersionStore.ts";
import { setLogLock, unlockSettled } from "./documentLock.ts";
import {
  type ApprovalDbRow,
  toApproval,
  toVersion,
  toVersionHead,
  VERSION_HEAD_COLUMNS,
  type VersionDbRow,
} from "./rows.ts";
import type { Sql } from "./Sql.ts";

/** The decisions on these versions, oldest first. */
async function approvalsOf(sql: Sql, versionIds: readonly string[]): Promise<ApprovalRow[]> {
  if (versionIds.length === 0) return [];
  const ids = sql.inList("version_id", versionIds);
  const rows = await sql.all<ApprovalDbRow>(`SELECT * FROM approvals WHERE ${ids.sql} ORDER BY at, id`, [ids.param]);
  return rows.map(toApproval);
}

/** Versions and approvals over either database; their writes keep the log's lock copy in step. */
export function sqlVersions(db: Sql): VersionStore {
  return {
    insertVersion: (v) =>
      db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO versions (id, document_id, seq, milestone, state, pm_json, content_hash, state_hash, prev_hash,
             chain_hash, frozen_by, frozen_at, open_items, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            v.id,
            v.documentId,
            v.seq,
            v.milestone,
            v.state,
            v.pmJson,
            v.contentHash,
            v.stateHash,
            v.prevHash,
            v.chainHash,
            v.frozenBy,
            v.frozenAt,
            v.openItems,
            v.record,
          ],
        );
        // A new version is pending: the chain now says locked, and so does the log's copy.
        await setLogLock(tx, v.documentId, true);
      }),
    async listVersions(documentId) {
      return (
        await db.all<VersionDbRow>("SELECT * FROM versions WHERE document_id = ? ORDER BY seq", [documentId])
      ).map(toVersion);
    },
    async listVersionHeads(documentId) {
      const rows = await db.all<Omit<VersionDbRow, "state" | "pm_json">>(
        `SELECT ${VERSION_HEAD_COLUMNS} FROM versions WHERE document_id = ? ORDER BY seq`,
        [documentId],
      );
      return rows.map(toVersionHead);
    },
    async findVersion(id) {
      const r = await db.get<VersionDbRow>("SELECT * FROM versions WHERE id = ?", [id]);
      return r ? toVersion(r) : null;
    },
    async findVersionsByHash(hash) {
      const rows = await db.all<VersionDbRow>(
        "SELECT * FROM versions WHERE content_hash = ? OR chain_hash = ? ORDER BY document_id, seq",
        [hash, hash],
      );
      return rows.map(toVersion);
    },
    async documentsWithVersions() {
      const rows = await db.all<{ document_id: string }>(
        "SELECT DISTINCT document_id FROM versions ORDER BY document_id",
      );
      return rows.map((r) => r.document_id);
    },
    insertApproval: (a, settles) =>
      db.transaction(async (tx) => {
        const version = await tx.get<{ document_id: string }>("SELECT document_id FROM versions WHERE id = ?", [
          a.versionId,
        ]);
        if (version) await tx.lockDocument(version.document_id);
        await tx.run(
          `INSERT INTO approvals (id, version_id, user_id, org_id, decision, details, reason, at, record, hash)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [a.id, a.versionId, a.userId, a.orgId, a.decision, a.details, a.reason, a.at, a.record, a.hash],
        );
        if (settles?.(await approvalsOf(tx, [a.versionId]))) await unlockSettled(tx, a.versionId);
      }),
    listApprovals: (versionIds) => approvalsOf(db, versionIds),
    async listOrphanApprovals() {
      const rows = await db.all<ApprovalDbRow>(
        "SELECT * FROM approvals WHERE version_id NOT IN (SELECT id FROM versions)",
      );
      return rows.map(toApproval);
    },
  };
}
