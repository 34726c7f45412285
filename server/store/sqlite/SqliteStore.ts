import Database from "better-sqlite3";
import type { DocumentKind } from "../../../shared/api/schemas.ts";
import type { Role } from "../../../shared/roles.ts";
import { byDocument, storableWhileLocked } from "../appendPlan.ts";
import { MIGRATIONS } from "../migrations.ts";
import type {
  ApprovalRow,
  AuditEntry,
  AuditRow,
  DocumentRow,
  MemberRow,
  MembershipChange,
  MembershipRow,
  MergeUpdates,
  NewUser,
  OrganisationRow,
  SessionRow,
  Store,
  StoredState,
  UpdateRecord,
  UpdatesSince,
  UserRow,
  VersionHead,
  VersionRow,
} from "../Store.ts";
import {
  type ApprovalDbRow,
  toApproval,
  toVersion,
  toVersionHead,
  VERSION_HEAD_COLUMNS,
  type VersionDbRow,
} from "../versionRows.ts";

interface DocumentDbRow {
  id: string;
  title: string;
  kind: DocumentKind;
  created_at: string;
  updated_at: string;
  cross_party_acceptance: number;
}

interface UserDbRow {
  id: string;
  email: string;
  name: string;
  org_id: string;
  password_hash: string;
  deactivated_at: string | null;
}

const toDocument = (r: DocumentDbRow): DocumentRow => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  crossPartyAcceptance: r.cross_party_acceptance === 1,
});

const toUser = (r: UserDbRow): UserRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  orgId: r.org_id,
  passwordHash: r.password_hash,
  deactivatedAt: r.deactivated_at,
});

/** better-sqlite3 returns Buffers; hand out plain Uint8Array views over the same bytes. */
const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a committed
 * transaction survives a power cut, not only a process crash. better-sqlite3 is
 * synchronous; the async interface exists for the PostgreSQL store.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly stmt;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.migrate();
    const db = this.db;
    this.stmt = {
      takeSeqs: db.prepare<[number, string, number], { last_seq: number }>(
        "UPDATE documents SET last_seq = last_seq + ? WHERE id = ? AND (locked = 0 OR ? = 1) RETURNING last_seq",
      ),
      exists: db.prepare<[string], { id: string }>("SELECT id FROM documents WHERE id = ?"),
      insertUpdate: db.prepare<[string, number, Buffer, string | null, string]>(
        "INSERT INTO updates (document_id, seq, data, user_id, at) VALUES (?, ?, ?, ?, ?)",
      ),
      snapshot: db.prepare<[string], { upto_seq: number; data: Buffer }>(
        "SELECT upto_seq, data FROM snapshots WHERE document_id = ?",
      ),
      tail: db.prepare<[string, number], { seq: number; data: Buffer }>(
        "SELECT seq, data FROM updates WHERE document_id = ? AND seq > ? ORDER BY seq",
      ),
      tailLength: db.prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM updates u WHERE u.document_id = ?
           AND u.seq > coalesce((SELECT upto_seq FROM snapshots s WHERE s.document_id = u.document_id), 0)`,
      ),
      putSnapshot: db.prepare<[string, number, Buffer]>(
        `INSERT INTO snapshots (document_id, upto_seq, data) VALUES (?, ?, ?)
           ON CONFLICT (document_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data`,
      ),
      deleteUpTo: db.prepare<[string, number]>("DELETE FROM updates WHERE document_id = ? AND seq <= ?"),
    };
  }

  private migrate(): void {
    this.db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    const applied = new Set(
      this.db
        .prepare<[], { version: number }>("SELECT version FROM schema_migrations")
        .all()
        .map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sqlite);
        this.db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)").run(m.version, m.name);
      })();
    }
  }

  async appendUpdates(batch: readonly UpdateRecord[]): Promise<(number | null)[]> {
    const at = new Date().toISOString();
    return this.db.transaction(() => {
      const seqs: (number | null)[] = batch.map(() => null); // null: the document is locked
      for (const [documentId, indexes] of byDocument(batch)) {
        const row = this.stmt.takeSeqs.get(indexes.length, documentId, storableWhileLocked(batch, indexes) ? 1 : 0);
        if (!row) {
          if (this.stmt.exists.get(documentId)) continue;
          throw new Error(`append to unknown document ${documentId}`);
        }
        let seq = row.last_seq - indexes.length;
        for (const i of indexes) {
          const u = batch[i] as UpdateRecord;
          seqs[i] = ++seq;
          this.stmt.insertUpdate.run(documentId, seq, Buffer.from(u.data), u.userId, at);
        }
      }
      return seqs;
    })();
  }

  async setDocumentLock(documentId: string, locked: boolean): Promise<void> {
    this.db.prepare("UPDATE documents SET locked = ? WHERE id = ?").run(locked ? 1 : 0, documentId);
  }

  async readUpdatesSince(documentId: string, afterSeq: number): Promise<UpdatesSince> {
    return this.db.transaction(() => {
      const snap = this.stmt.snapshot.get(documentId);
      const folded = snap !== undefined && snap.upto_seq > afterSeq;
      const from = folded ? snap.upto_seq : afterSeq;
      const rows = this.stmt.tail.all(documentId, from);
      return {
        snapshot: folded ? bytes(snap.data) : null,
        updates: rows.map((r) => ({ seq: r.seq, data: bytes(r.data) })),
        lastSeq: rows.at(-1)?.seq ?? Math.max(from, afterSeq),
      };
    })();
  }

  async lastSeqOf(documentId: string): Promise<number> {
    return (
      this.db.prepare<[string], { last_seq: number }>("SELECT last_seq FROM documents WHERE id = ?").get(documentId)
        ?.last_seq ?? 0
    );
  }

  async ping(): Promise<boolean> {
    return this.db.prepare("SELECT 1 AS ok").get() !== undefined;
  }

  async loadState(documentId: string): Promise<StoredState> {
    return this.db.transaction(() => this.readState(documentId))();
  }

  private readState(documentId: string): StoredState {
    const snap = this.stmt.snapshot.get(documentId);
    const uptoSeq = snap?.upto_seq ?? 0;
    const rows = this.stmt.tail.all(documentId, uptoSeq);
    return {
      snapshot: snap ? bytes(snap.data) : null,
      updates: rows.map((r) => bytes(r.data)),
      lastSeq: rows.at(-1)?.seq ?? uptoSeq,
    };
  }

  async tailLength(documentId: string): Promise<number> {
    return this.stmt.tailLength.get(documentId)?.n ?? 0;
  }

  async compact(documentId: string, merge: MergeUpdates): Promise<number> {
    return this.db.transaction(() => {
      const state = this.readState(documentId);
      if (state.updates.length === 0) return 0;
      const merged = merge(state.snapshot, state.updates);
      this.stmt.putSnapshot.run(documentId, state.lastSeq, Buffer.from(merged));
      this.stmt.deleteUpTo.run(documentId, state.lastSeq);
      return state.updates.length;
    })();
  }

  async upsertOrganisation(org: OrganisationRow): Promise<void> {
    this.db
      .prepare("INSERT INTO orgs (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name")
      .run(org.id, org.name);
  }

  async createUser(user: NewUser): Promise<void> {
    this.db
      .prepare("INSERT INTO users (id, email, name, org_id, password_hash) VALUES (?, ?, ?, ?, ?)")
      .run(user.id, user.email, user.name, user.orgId, user.passwordHash);
  }

  async findUserByEmail(email: string): Promise<UserRow | null> {
    const r = this.db.prepare<[string], UserDbRow>("SELECT * FROM users WHERE email = ?").get(email);
    return r ? toUser(r) : null;
  }

  async findUserById(id: string): Promise<UserRow | null> {
    const r = this.db.prepare<[string], UserDbRow>("SELECT * FROM users WHERE id = ?").get(id);
    return r ? toUser(r) : null;
  }

  async countUsers(): Promise<number> {
    return this.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM users").get()?.n ?? 0;
  }

  async organisationName(orgId: string): Promise<string | null> {
    return this.db.prepare<[string], { name: string }>("SELECT name FROM orgs WHERE id = ?").get(orgId)?.name ?? null;
  }

  async createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    this.db
      .prepare("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)")
      .run(tokenHash, userId, expiresAt.toISOString());
  }

  async findSession(tokenHash: string, now: Date): Promise<SessionRow | null> {
    const r = this.db
      .prepare<[string, string], UserDbRow & { expires_at: string }>(
        `SELECT u.*, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ? AND s.expires_at > ? AND u.deactivated_at IS NULL`,
      )
      .get(tokenHash, now.toISOString());
    return r ? { tokenHash, user: toUser(r), expiresAt: r.expires_at } : null;
  }

  async liveSessions(tokenHashes: readonly string[], now: Date): Promise<string[]> {
    if (tokenHashes.length === 0) return [];
    // One JSON parameter instead of one placeholder per session (SQLite caps placeholders).
    return this.db
      .prepare<[string, string], { token_hash: string }>(
        `SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash IN (SELECT value FROM json_each(?)) AND s.expires_at > ? AND u.deactivated_at IS NULL`,
      )
      .all(JSON.stringify(tokenHashes), now.toISOString())
      .map((r) => r.token_hash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  async deactivateUser(userId: string, at: Date): Promise<boolean> {
    return this.db.transaction(() => {
      const found = this.db
        .prepare("UPDATE users SET deactivated_at = coalesce(deactivated_at, ?) WHERE id = ?")
        .run(at.toISOString(), userId);
      this.db.prepare("DELETE FROM sessions WHERE user_id = ?").run(userId);
      return found.changes > 0;
    })();
  }

  async createDocument(doc: { id: string; title: string; kind: DocumentKind; ownerId: string }): Promise<DocumentRow> {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          "INSERT INTO documents (id, title, kind, created_at, updated_at, cross_party_acceptance) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .run(doc.id, doc.title, doc.kind, now, now, doc.kind === "agreement" ? 1 : 0);
      this.db
        .prepare("INSERT INTO memberships (document_id, user_id, role) VALUES (?, ?, 'owner')")
        .run(doc.id, doc.ownerId);
    })();
    return {
      id: doc.id,
      title: doc.title,
      kind: doc.kind,
      createdAt: now,
      updatedAt: now,
      crossPartyAcceptance: doc.kind === "agreement",
    };
  }

  async findDocument(id: string): Promise<DocumentRow | null> {
    const r = this.db.prepare<[string], DocumentDbRow>("SELECT * FROM documents WHERE id = ?").get(id);
    return r ? toDocument(r) : null;
  }

  async renameDocument(id: string, title: string): Promise<void> {
    this.db
      .prepare("UPDATE documents SET title = ?, updated_at = ? WHERE id = ?")
      .run(title, new Date().toISOString(), id);
  }

  async setCrossPartyAcceptance(id: string, on: boolean): Promise<void> {
    this.db
      .prepare("UPDATE documents SET cross_party_acceptance = ?, updated_at = ? WHERE id = ?")
      .run(on ? 1 : 0, new Date().toISOString(), id);
  }

  async insertVersion(v: VersionRow): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO versions (id, document_id, seq, milestone, state, pm_json, content_hash, state_hash, prev_hash,
           chain_hash, frozen_by, frozen_at, open_items, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.id,
        v.documentId,
        v.seq,
        v.milestone,
        Buffer.from(v.state),
        v.pmJson,
        v.contentHash,
        v.stateHash,
        v.prevHash,
        v.chainHash,
        v.frozenBy,
        v.frozenAt,
        v.openItems,
        v.record,
      );
  }

  async listVersions(documentId: string): Promise<VersionRow[]> {
    return this.db
      .prepare<[string], VersionDbRow>("SELECT * FROM versions WHERE document_id = ? ORDER BY seq")
      .all(documentId)
      .map(toVersion);
  }

  async listVersionHeads(documentId: string): Promise<VersionHead[]> {
    return this.db
      .prepare<[string], Omit<VersionDbRow, "state" | "pm_json">>(
        `SELECT ${VERSION_HEAD_COLUMNS} FROM versions WHERE document_id = ? ORDER BY seq`,
      )
      .all(documentId)
      .map(toVersionHead);
  }

  async findVersion(id: string): Promise<VersionRow | null> {
    const r = this.db.prepare<[string], VersionDbRow>("SELECT * FROM versions WHERE id = ?").get(id);
    return r ? toVersion(r) : null;
  }

  async findVersionsByHash(hash: string): Promise<VersionRow[]> {
    return this.db
      .prepare<[string, string], VersionDbRow>(
        "SELECT * FROM versions WHERE content_hash = ? OR chain_hash = ? ORDER BY document_id, seq",
      )
      .all(hash, hash)
      .map(toVersion);
  }

  async documentsWithVersions(): Promise<string[]> {
    return this.db
      .prepare<[], { document_id: string }>("SELECT DISTINCT document_id FROM versions ORDER BY document_id")
      .all()
      .map((r) => r.document_id);
  }

  async insertApproval(a: ApprovalRow): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO approvals (id, version_id, user_id, org_id, decision, details, reason, at, record, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.id, a.versionId, a.userId, a.orgId, a.decision, a.details, a.reason, a.at, a.record, a.hash);
  }

  async listApprovals(versionIds: readonly string[]): Promise<ApprovalRow[]> {
    if (versionIds.length === 0) return [];
    const marks = versionIds.map(() => "?").join(", ");
    return this.db
      .prepare<string[], ApprovalDbRow>(`SELECT * FROM approvals WHERE version_id IN (${marks}) ORDER BY at, id`)
      .all(...versionIds)
      .map(toApproval);
  }

  async listOrphanApprovals(): Promise<ApprovalRow[]> {
    return this.db
      .prepare<[], ApprovalDbRow>("SELECT * FROM approvals WHERE version_id NOT IN (SELECT id FROM versions)")
      .all()
      .map(toApproval);
  }

  async listDocumentsOf(userId: string): Promise<(DocumentRow & { role: Role })[]> {
    return this.db
      .prepare<[string], DocumentDbRow & { role: Role }>(
        `SELECT d.*, m.role FROM documents d JOIN memberships m ON m.document_id = d.id
          WHERE m.user_id = ? ORDER BY d.title`,
      )
      .all(userId)
      .map((r) => ({ ...toDocument(r), role: r.role }));
  }

  async roleOf(documentId: string, userId: string): Promise<Role | null> {
    return (
      this.db
        .prepare<[string, string], { role: Role }>("SELECT role FROM memberships WHERE document_id = ? AND user_id = ?")
        .get(documentId, userId)?.role ?? null
    );
  }

  async setMembership(m: MembershipRow): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO memberships (document_id, user_id, role) VALUES (?, ?, ?)
           ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(m.documentId, m.userId, m.role);
  }

  async removeMembership(documentId: string, userId: string): Promise<void> {
    this.db.prepare("DELETE FROM memberships WHERE document_id = ? AND user_id = ?").run(documentId, userId);
  }

  async listMembers(documentId: string): Promise<MemberRow[]> {
    return this.db
      .prepare<[string], MemberRow>(
        `SELECT m.document_id AS documentId, m.user_id AS userId, m.role, u.email, u.name, u.org_id AS orgId
           FROM memberships m JOIN users u ON u.id = m.user_id
          WHERE m.document_id = ?
          ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 WHEN 'suggester' THEN 2
                   WHEN 'commenter' THEN 3 ELSE 4 END, u.name`,
      )
      .all(documentId);
  }

  async changeMembership(documentId: string, userId: string, role: Role | null): Promise<MembershipChange> {
    // IMMEDIATE takes the write lock before the owner count is read, so no other writer
    // (another process on the same file included) can change the owners in between.
    return this.db
      .transaction((): MembershipChange => {
        const previous = this.db
          .prepare<[string, string], { role: Role }>(
            "SELECT role FROM memberships WHERE document_id = ? AND user_id = ?",
          )
          .get(documentId, userId)?.role;
        if (previous === "owner" && role !== "owner") {
          const owners =
            this.db
              .prepare<[string], { n: number }>(
                "SELECT count(*) AS n FROM memberships WHERE document_id = ? AND role = 'owner'",
              )
              .get(documentId)?.n ?? 0;
          if (owners <= 1) return { ok: false, reason: "last_owner" };
        }
        if (role === null) {
          this.db.prepare("DELETE FROM memberships WHERE document_id = ? AND user_id = ?").run(documentId, userId);
        } else {
          this.db
            .prepare(
              `INSERT INTO memberships (document_id, user_id, role) VALUES (?, ?, ?)
                 ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
            )
            .run(documentId, userId, role);
        }
        return { ok: true, previous: previous ?? null };
      })
      .immediate();
  }

  async listAudit(documentId: string, limit: number): Promise<AuditRow[]> {
    return this.readAudit("a.document_id = ?", [documentId], limit);
  }

  async listAccountEvents(userId: string, limit: number): Promise<AuditRow[]> {
    return this.readAudit("a.document_id IS NULL AND (a.user_id = ? OR a.subject_id = ?)", [userId, userId], limit);
  }

  /** Audit rows matching `where` (over `a`), newest first, with the names of actor and subject. */
  private readAudit(where: string, params: string[], limit: number): AuditRow[] {
    return this.db
      .prepare<unknown[], Omit<AuditRow, "detail"> & { detail: string }>(
        `SELECT a.id, a.at, a.user_id AS userId, u.name AS userName, a.subject_id AS subjectId,
                s.name AS subjectName, a.document_id AS documentId, a.action, a.detail
           FROM audit a
           LEFT JOIN users u ON u.id = a.user_id
           LEFT JOIN users s ON s.id = a.subject_id
          WHERE ${where}
          ORDER BY a.id DESC
          LIMIT ?`,
      )
      .all(...params, limit)
      .map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    this.db
      .prepare("INSERT INTO audit (at, user_id, document_id, subject_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)")
      .run(
        new Date().toISOString(),
        entry.userId,
        entry.documentId,
        entry.subjectId ?? null,
        entry.action,
        JSON.stringify(entry.detail),
      );
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
