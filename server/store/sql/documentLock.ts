import type { Sql } from "./Sql.ts";

/*
 * One lock (issue 12). The version chain is the truth: a document is locked exactly while
 * its newest version is pending (`versions/status.ts`), and whatever shows or checks the
 * lock outside the log derives it from the chain (`documentFlags`, the document summary).
 * `documents.locked` is the update log's copy of that fact, so that an append refuses
 * inside its own transaction, on any instance, without reading the chain. The copy is
 * written only where the chain changes, in the same transaction: a new version sets it, a
 * decision that settles the milestone clears it (the domain says which does). The one
 * moment the copy runs ahead of the chain is the freeze: the log is locked before the
 * state to freeze is read (`UpdateLog.setDocumentLock`), and released if the freeze fails.
 */

/**
 * The document's newest version has no decision yet: it is pending whatever its milestone
 * needs, so releasing a freeze hold must keep the lock. This is the freeze that failed
 * because another instance froze first (its version took the place in the chain): without
 * it, the loser's release would unlock the winner's pending version.
 */
const UNDECIDED_NEWEST = `EXISTS (SELECT 1 FROM versions v WHERE v.document_id = documents.id
  AND v.seq = (SELECT max(seq) FROM versions w WHERE w.document_id = documents.id)
  AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.version_id = v.id))`;

/** Sets the log's copy of the lock; a release keeps it while the newest version is undecided. */
export async function setLogLock(sql: Sql, documentId: string, locked: boolean): Promise<void> {
  await sql.run(`UPDATE documents SET locked = ? WHERE id = ?${locked ? "" : ` AND NOT ${UNDECIDED_NEWEST}`}`, [
    locked,
    documentId,
  ]);
}

/** Clears the copy when a decision on `versionId` settled its milestone (reached or rejected). */
export async function unlockSettled(sql: Sql, versionId: string): Promise<void> {
  await sql.run("UPDATE documents SET locked = ? WHERE id = (SELECT document_id FROM versions WHERE id = ?)", [
    false,
    versionId,
  ]);
}
