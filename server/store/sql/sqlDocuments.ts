import { PARTY_ROLES } from "../../../shared/api/organisations.ts";
import { ROLES, type Role } from "../../../shared/roles.ts";
import type {
  AmendmentRow,
  DocumentRow,
  DocumentStore,
  MemberRow,
  MembershipRow,
  PartyRow,
} from "../ports/DocumentStore.ts";
import { type DocumentDbRow, storedKind, toDocument } from "./rows.ts";
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

/** Party roles in `PARTY_ROLES` order (canton first), for ORDER BY. */
const PARTY_RANK = `CASE party_role ${PARTY_ROLES.map((role, rank) => `WHEN '${role}' THEN ${rank}`).join(" ")} END`;

/** The parties of these documents, canton first, by document id. */
async function partiesOf(db: Sql, documentIds: readonly string[]): Promise<Map<string, PartyRow[]>> {
  const byDocument = new Map<string, PartyRow[]>();
  if (documentIds.length === 0) return byDocument;
  const where = db.inList("document_id", documentIds);
  const rows = await db.all<{ document_id: string; org_id: string; party_role: PartyRow["role"] }>(
    `SELECT document_id, org_id, party_role FROM document_parties WHERE ${where.sql}
      ORDER BY ${PARTY_RANK}, org_id`,
    [where.param],
  );
  for (const r of rows) {
    byDocument.set(r.document_id, [...(byDocument.get(r.document_id) ?? []), { orgId: r.org_id, role: r.party_role }]);
  }
  return byDocument;
}

/** Document rows with their parties, read in one more query for all of them. */
async function withParties<R extends DocumentDbRow>(db: Sql, rows: readonly R[]): Promise<[R, DocumentRow][]> {
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => [r, toDocument(r, parties.get(r.id) ?? [])]);
}

/** Documents and memberships over either database. */
export function sqlDocuments(db: Sql): DocumentStore {
  return {
    async createDocument(doc) {
      const now = new Date().toISOString();
      await db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO documents (id, title, kind, created_at, updated_at, cross_party_acceptance, last_seq,
             amends_document_id, amends_version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            doc.id,
            doc.title,
            storedKind(doc.kind),
            now,
            now,
            doc.crossPartyAcceptance,
            doc.initialState ? 1 : 0,
            doc.amends?.documentId ?? null,
            doc.amends?.versionId ?? null,
          ],
        );
        for (const party of doc.parties) {
          await tx.run("INSERT INTO document_parties (document_id, org_id, party_role) VALUES (?, ?, ?)", [
            doc.id,
            party.orgId,
            party.role,
          ]);
        }
        for (const m of doc.members ?? []) {
          if (m.userId !== doc.ownerId) await setMembership(tx, { documentId: doc.id, userId: m.userId, role: m.role });
        }
        await setMembership(tx, { documentId: doc.id, userId: doc.ownerId, role: "owner" });
        if (doc.initialState) {
          await tx.run("INSERT INTO updates (document_id, seq, data, user_id, at) VALUES (?, 1, ?, ?, ?)", [
            doc.id,
            doc.initialState,
            doc.ownerId,
            now,
          ]);
        }
      });
      const { id, title, kind, crossPartyAcceptance } = doc;
      const parties = [...doc.parties].sort((a, b) => PARTY_ROLES.indexOf(a.role) - PARTY_ROLES.indexOf(b.role));
      const amends = doc.amends ? { ...doc.amends } : null;
      return { id, title, kind, createdAt: now, updatedAt: now, crossPartyAcceptance, parties, amends };
    },
    async findDocument(id) {
      const r = await db.get<DocumentDbRow>("SELECT * FROM documents WHERE id = ?", [id]);
      if (!r) return null;
      return (await withParties(db, [r]))[0]?.[1] ?? null;
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
      return (await withParties(db, rows)).map(([r, doc]) => ({ ...doc, role: r.role }));
    },
    listAmendments: (documentId) =>
      db.all<AmendmentRow>(
        `SELECT id, title, created_at AS "createdAt" FROM documents WHERE amends_document_id = ?
          ORDER BY created_at, id`,
        [documentId],
      ),
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
