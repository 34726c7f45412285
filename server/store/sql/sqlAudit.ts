import type { AuditRow, AuditStore } from "../ports/AuditStore.ts";
import type { Sql } from "./Sql.ts";

/** Audit rows matching `where` (over `a`), newest first, at most `limit`, with the names of actor and subject. */
async function readAudit(db: Sql, where: string, params: string[], limit: number): Promise<AuditRow[]> {
  const rows = await db.all<Omit<AuditRow, "detail"> & { detail: string }>(
    `SELECT a.id, a.at, a.user_id AS "userId", u.name AS "userName", a.subject_id AS "subjectId",
            s.name AS "subjectName", a.document_id AS "documentId", a.action, a.detail
       FROM audit a
       LEFT JOIN users u ON u.id = a.user_id
       LEFT JOIN users s ON s.id = a.subject_id
      WHERE ${where}
      ORDER BY a.id DESC
      LIMIT ?`,
    [...params, limit],
  );
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

/** The audit log over either database. */
export function sqlAudit(db: Sql): AuditStore {
  return {
    async appendAudit(entry) {
      await db.run(
        "INSERT INTO audit (at, user_id, document_id, subject_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [
          new Date().toISOString(),
          entry.userId,
          entry.documentId,
          entry.subjectId ?? null,
          entry.action,
          JSON.stringify(entry.detail),
        ],
      );
    },
    listAudit: (documentId, limit) => readAudit(db, "a.document_id = ?", [documentId], limit),
    listAccountEvents: (userId, limit) =>
      readAudit(db, "a.document_id IS NULL AND (a.user_id = ? OR a.subject_id = ?)", [userId, userId], limit),
  };
}
