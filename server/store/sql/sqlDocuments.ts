import { ROLES, type Role } from "../../../shared/roles.ts";
import type { DocumentStore, MemberRow, MembershipRow } from "../ports/DocumentStore.ts";
import { type DocumentDbRow, toDocument } from "./rows.ts";
import type { Sql } from "./Sql.ts";

/** Role order as shared/roles.ts defines it (most powerful first), for ORDER BY. */
const ROLE_RANK = `CASE m.role ${ROLES.map((role, rank) => `WHEN '${role}' THEN ${rank}`).join(" ")} END`;

const roleOf = async (db: Sql, documentId: string, userId: string): Promise<Role | null> =>
  (
    await db.get<{ role: Role }>("SELECT role FROM memberships WHERE document_id = ? AND user_id = ?", [
      documentId,
      userId,
    ])
  )?.role ?? null;

const setMembership = async (db: Sql, m: MembershipRow): Promise<void> => {
  await db.run(
    `INSERT INTO memberships (document_id, user_id, role) VALUES (?, ?, ?)
       ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
    [m.documentId, m.userId, m.role],
  );
};

const removeMembership = async (db: Sql, documentId: string, userId: string): Promise<void> => {
  await db.run("DELETE FROM memberships WHERE document_id = ? AND user_id = ?", [documentId, userId]);
};

/** Documents and memberships over either database. */
export function sqlDocuments(db: Sql): DocumentStore {
  return {
    async createDocument(doc) {
      const now = new Date().toISOString();
      await db.transaction(async (tx) => {
        await tx.run(
          "INSERT INTO documents (id, title, kind, created_at, updated_at, cross_party_acceptance) VALUES (?, ?, ?, ?, ?, ?)",
          [doc.id, doc.title, doc.kind, now, now, doc.crossPartyAcceptance],
        );
        await setMembership(tx, { documentId: doc.id, userId: doc.ownerId, role: "owner" });
      });
      const { id, title, kind, crossPartyAcceptance } = doc;
      return { id, title, kind, createdAt: now, updatedAt: now, crossPartyAcceptance };
    },
    async findDocument(id) {
      const r = await db.get<DocumentDbRow>("SELECT * FROM documents WHERE id = ?", [id]);
      return r ? toDocument(r) : null;
    },
    async renameDocument(id, title) {
      await db.run("UPDATE documents SET title = ?, updated_at = ? WHERE id = ?", [
        title,
        new Date().toISOString(),
        id,
      ]);
    },
    async setCrossPartyAcceptance(id, on) {
      await db.run("UPDATE documents SET cross_party_acceptance = ?, updated_at = ? WHERE id = ?", [
        on,
        new Date().toISOString(),
        id,
      ]);
    },
    async listDocumentsOf(userId) {
      const rows = await db.all<DocumentDbRow & { role: Role }>(
        `SELECT d.*, m.role FROM documents d JOIN memberships m ON m.document_id = d.id
          WHERE m.user_id = ? ORDER BY d.title`,
        [userId],
      );
      return rows.map((r) => ({ ...toDocument(r), role: r.role }));
    },
    roleOf: (documentId, userId) => roleOf(db, documentId, userId),
    setMembership: (m) => setMembership(db, m),
    removeMembership: (documentId, userId) => removeMembership(db, documentId, userId),
    changeMembership: (documentId, userId, role, check) =>
      db.transaction(async (tx) => {
        await tx.lockDocument(documentId);
        const members = await tx.all<MembershipRow>(
          `SELECT document_id AS "documentId", user_id AS "userId", role FROM memberships WHERE document_id = ?`,
          [documentId],
        );
        const refusal = check(members, { userId, role });
        if (refusal) return { ok: false, reason: refusal } as const;
        if (role === null) await removeMembership(tx, documentId, userId);
        else await setMembership(tx, { documentId, userId, role });
        return { ok: true, previous: members.find((m) => m.userId === userId)?.role ?? null } as const;
      }),
    listMembers: (documentId) =>
      db.all<MemberRow>(
        `SELECT m.document_id AS "documentId", m.user_id AS "userId", m.role, u.email, u.name, u.org_id AS "orgId"
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.document_id = ?
          ORDER BY ${ROLE_RANK}, u.name`,
        [documentId],
      ),
  };
}
