import pg from "pg";
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

// BIGINT columns hold sequence numbers and ids far below 2^53: read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

type Queryable = Pick<pg.PoolClient, "query">;

const bytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

interface DocumentDbRow {
  id: string;
  title: string;
  kind: DocumentKind;
  created_at: string;
  updated_at: string;
  cross_party_acceptance: boolean;
}

const toDocument = (r: DocumentDbRow): DocumentRow => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  crossPartyAcceptance: r.cross_party_acceptance,
});

interface UserDbRow {
  id: string;
  email: string;
  name: string;
  org_id: string;
  password_hash: string;
  deactivated_at: string | null;
}

const toUser = (r: UserDbRow): UserRow => ({
  id: r.id,
  email: r.email,
  name: r.name,
  orgId: r.org_id,
  passwordHash: r.password_hash,
  deactivatedAt: r.deactivated_at,
});

/**
 * The PostgreSQL store, for several Accord instances sharing one database. The same
 * contract as the SQLite store; appends take a row lock on the document, so sequence
 * numbers stay gap-free and ordered across instances.
 */
export class PgStore implements Store {
  private constructor(private readonly pool: pg.Pool) {
    // An idle connection that dies (database restarted, network cut) is dropped and replaced
    // by the pool; without a listener its 'error' would end the process. Queries in flight
    // fail on their own and reach their callers.
    pool.on("error", () => {});
  }

  /** Connects, applies pending migrations and returns the store. */
  static async open(config: pg.PoolConfig): Promise<PgStore> {
    const store = new PgStore(new pg.Pool({ max: 10, connectionTimeoutMillis: 5000, ...config }));
    await store.migrate();
    return store;
  }

  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A checked-out client that loses its connection emits 'error' (the pool only listens
    // to idle ones); the query in flight fails anyway, so note it and drop the client.
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken = err;
    };
    client.on("error", onError);
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      broken ??= err instanceof Error && /connect|terminat|ECONN/i.test(err.message) ? err : undefined;
      throw err;
    } finally {
      client.off("error", onError);
      client.release(broken);
    }
  }

  private async migrate(): Promise<void> {
    await this.tx(async (c) => {
      // One migrator at a time, whichever instance starts first.
      await c.query("SELECT pg_advisory_xact_lock(4242001)");
      await c.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
      const { rows } = await c.query<{ version: number }>("SELECT version FROM schema_migrations");
      const applied = new Set(rows.map((r) => r.version));
      for (const m of MIGRATIONS) {
        if (applied.has(m.version)) continue;
        await c.query(m.postgres);
        await c.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [m.version, m.name]);
      }
    });
  }

  async appendUpdates(batch: readonly UpdateRecord[]): Promise<(number | null)[]> {
    const at = new Date().toISOString();
    return this.tx(async (c) => {
      const seqs: (number | null)[] = batch.map(() => null); // null: the document is locked
      for (const [documentId, indexes] of byDocument(batch)) {
        const { rows } = await c.query<{ last_seq: number }>(
          "UPDATE documents SET last_seq = last_seq + $1 WHERE id = $2 AND (NOT locked OR $3) RETURNING last_seq",
          [indexes.length, documentId, storableWhileLocked(batch, indexes)],
        );
        const last = rows[0]?.last_seq;
        if (last === undefined) {
          const exists = await c.query("SELECT 1 FROM documents WHERE id = $1", [documentId]);
          if (exists.rowCount) continue;
          throw new Error(`append to unknown document ${documentId}`);
        }
        const first = last - indexes.length + 1;
        for (const [k, i] of indexes.entries()) seqs[i] = first + k;
        // One round trip for the document's rows: unnest pairs the arrays up row by row.
        await c.query(
          `INSERT INTO updates (document_id, seq, data, user_id, at)
           SELECT $1::text, seq, data, user_id, $5::text FROM unnest($2::bigint[], $3::bytea[], $4::text[]) AS t(seq, data, user_id)`,
          [
            documentId,
            indexes.map((_, k) => first + k),
            indexes.map((i) => Buffer.from((batch[i] as UpdateRecord).data)),
            indexes.map((i) => (batch[i] as UpdateRecord).userId),
            at,
          ],
        );
      }
      return seqs;
    });
  }

  private async readState(c: Queryable, documentId: string): Promise<StoredState> {
    const snap = await c.query<{ upto_seq: number; data: Buffer }>(
      "SELECT upto_seq, data FROM snapshots WHERE document_id = $1",
      [documentId],
    );
    const uptoSeq = snap.rows[0]?.upto_seq ?? 0;
    const tail = await c.query<{ seq: number; data: Buffer }>(
      "SELECT seq, data FROM updates WHERE document_id = $1 AND seq > $2 ORDER BY seq",
      [documentId, uptoSeq],
    );
    const snapshot = snap.rows[0];
    return {
      snapshot: snapshot ? bytes(snapshot.data) : null,
      updates: tail.rows.map((r) => bytes(r.data)),
      lastSeq: tail.rows.at(-1)?.seq ?? uptoSeq,
    };
  }

  async setDocumentLock(documentId: string, locked: boolean): Promise<void> {
    await this.pool.query("UPDATE documents SET locked = $1 WHERE id = $2", [locked, documentId]);
  }

  async readUpdatesSince(documentId: string, afterSeq: number): Promise<UpdatesSince> {
    return this.tx(async (c) => {
      const snap = await c.query<{ upto_seq: number; data: Buffer }>(
        "SELECT upto_seq, data FROM snapshots WHERE document_id = $1",
        [documentId],
      );
      const row = snap.rows[0];
      const folded = row !== undefined && row.upto_seq > afterSeq;
      const from = folded ? row.upto_seq : afterSeq;
      const tail = await c.query<{ seq: number; data: Buffer }>(
        "SELECT seq, data FROM updates WHERE document_id = $1 AND seq > $2 ORDER BY seq",
        [documentId, from],
      );
      return {
        snapshot: folded ? bytes(row.data) : null,
        updates: tail.rows.map((r) => ({ seq: r.seq, data: bytes(r.data) })),
        lastSeq: tail.rows.at(-1)?.seq ?? Math.max(from, afterSeq),
      };
    });
  }

  async lastSeqOf(documentId: string): Promise<number> {
    const { rows } = await this.pool.query<{ last_seq: number }>("SELECT last_seq FROM documents WHERE id = $1", [
      documentId,
    ]);
    return rows[0]?.last_seq ?? 0;
  }

  async ping(): Promise<boolean> {
    await this.pool.query("SELECT 1");
    return true;
  }

  async loadState(documentId: string): Promise<StoredState> {
    return this.tx((c) => this.readState(c, documentId));
  }

  async tailLength(documentId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM updates u WHERE u.document_id = $1
         AND u.seq > coalesce((SELECT upto_seq FROM snapshots s WHERE s.document_id = u.document_id), 0)`,
      [documentId],
    );
    return rows[0]?.n ?? 0;
  }

  async compact(documentId: string, merge: MergeUpdates): Promise<number> {
    return this.tx(async (c) => {
      // Appends lock the same row, so nothing is added between reading and deleting.
      await c.query("SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", [documentId]);
      const state = await this.readState(c, documentId);
      if (state.updates.length === 0) return 0;
      const merged = merge(state.snapshot, state.updates);
      await c.query(
        `INSERT INTO snapshots (document_id, upto_seq, data) VALUES ($1, $2, $3)
           ON CONFLICT (document_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data`,
        [documentId, state.lastSeq, Buffer.from(merged)],
      );
      await c.query("DELETE FROM updates WHERE document_id = $1 AND seq <= $2", [documentId, state.lastSeq]);
      return state.updates.length;
    });
  }

  async upsertOrganisation(org: OrganisationRow): Promise<void> {
    await this.pool.query(
      "INSERT INTO orgs (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = excluded.name",
      [org.id, org.name],
    );
  }

  async createUser(user: NewUser): Promise<void> {
    await this.pool.query("INSERT INTO users (id, email, name, org_id, password_hash) VALUES ($1, $2, $3, $4, $5)", [
      user.id,
      user.email,
      user.name,
      user.orgId,
      user.passwordHash,
    ]);
  }

  async findUserByEmail(email: string): Promise<UserRow | null> {
    const { rows } = await this.pool.query("SELECT * FROM users WHERE email = $1", [email]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findUserById(id: string): Promise<UserRow | null> {
    const { rows } = await this.pool.query("SELECT * FROM users WHERE id = $1", [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    return rows[0]?.n ?? 0;
  }

  async organisationName(orgId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ name: string }>("SELECT name FROM orgs WHERE id = $1", [orgId]);
    return rows[0]?.name ?? null;
  }

  async createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.pool.query("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)", [
      tokenHash,
      userId,
      expiresAt.toISOString(),
    ]);
  }

  async findSession(tokenHash: string, now: Date): Promise<SessionRow | null> {
    const { rows } = await this.pool.query<UserDbRow & { expires_at: string }>(
      `SELECT u.*, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.deactivated_at IS NULL`,
      [tokenHash, now.toISOString()],
    );
    const r = rows[0];
    return r ? { tokenHash, user: toUser(r), expiresAt: r.expires_at } : null;
  }

  async liveSessions(tokenHashes: readonly string[], now: Date): Promise<string[]> {
    if (tokenHashes.length === 0) return [];
    const { rows } = await this.pool.query<{ token_hash: string }>(
      `SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ANY($1::text[]) AND s.expires_at > $2 AND u.deactivated_at IS NULL`,
      [tokenHashes, now.toISOString()],
    );
    return rows.map((r) => r.token_hash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.pool.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
  }

  async deactivateUser(userId: string, at: Date): Promise<boolean> {
    return this.tx(async (c) => {
      const found = await c.query("UPDATE users SET deactivated_at = coalesce(deactivated_at, $1) WHERE id = $2", [
        at.toISOString(),
        userId,
      ]);
      await c.query("DELETE FROM sessions WHERE user_id = $1", [userId]);
      return (found.rowCount ?? 0) > 0;
    });
  }

  async createDocument(doc: { id: string; title: string; kind: DocumentKind; ownerId: string }): Promise<DocumentRow> {
    const now = new Date().toISOString();
    await this.tx(async (c) => {
      await c.query(
        "INSERT INTO documents (id, title, kind, created_at, updated_at, cross_party_acceptance) VALUES ($1, $2, $3, $4, $4, $5)",
        [doc.id, doc.title, doc.kind, now, doc.kind === "agreement"],
      );
      await c.query("INSERT INTO memberships (document_id, user_id, role) VALUES ($1, $2, 'owner')", [
        doc.id,
        doc.ownerId,
      ]);
    });
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
    const { rows } = await this.pool.query("SELECT * FROM documents WHERE id = $1", [id]);
    return rows[0] ? toDocument(rows[0]) : null;
  }

  async renameDocument(id: string, title: string): Promise<void> {
    await this.pool.query("UPDATE documents SET title = $1, updated_at = $2 WHERE id = $3", [
      title,
      new Date().toISOString(),
      id,
    ]);
  }

  async setCrossPartyAcceptance(id: string, on: boolean): Promise<void> {
    await this.pool.query("UPDATE documents SET cross_party_acceptance = $1, updated_at = $2 WHERE id = $3", [
      on,
      new Date().toISOString(),
      id,
    ]);
  }

  async insertVersion(v: VersionRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO versions (id, document_id, seq, milestone, state, pm_json, content_hash, state_hash, prev_hash,
         chain_hash, frozen_by, frozen_at, open_items, record)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
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
      ],
    );
  }

  async listVersions(documentId: string): Promise<VersionRow[]> {
    const { rows } = await this.pool.query<VersionDbRow>("SELECT * FROM versions WHERE document_id = $1 ORDER BY seq", [
      documentId,
    ]);
    return rows.map(toVersion);
  }

  async listVersionHeads(documentId: string): Promise<VersionHead[]> {
    const { rows } = await this.pool.query<Omit<VersionDbRow, "state" | "pm_json">>(
      `SELECT ${VERSION_HEAD_COLUMNS} FROM versions WHERE document_id = $1 ORDER BY seq`,
      [documentId],
    );
    return rows.map(toVersionHead);
  }

  async findVersion(id: string): Promise<VersionRow | null> {
    const { rows } = await this.pool.query<VersionDbRow>("SELECT * FROM versions WHERE id = $1", [id]);
    return rows[0] ? toVersion(rows[0]) : null;
  }

  async findVersionsByHash(hash: string): Promise<VersionRow[]> {
    const { rows } = await this.pool.query<VersionDbRow>(
      "SELECT * FROM versions WHERE content_hash = $1 OR chain_hash = $1 ORDER BY document_id, seq",
      [hash],
    );
    return rows.map(toVersion);
  }

  async documentsWithVersions(): Promise<string[]> {
    const { rows } = await this.pool.query<{ document_id: string }>(
      "SELECT DISTINCT document_id FROM versions ORDER BY document_id",
    );
    return rows.map((r) => r.document_id);
  }

  async insertApproval(a: ApprovalRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO approvals (id, version_id, user_id, org_id, decision, details, reason, at, record, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [a.id, a.versionId, a.userId, a.orgId, a.decision, a.details, a.reason, a.at, a.record, a.hash],
    );
  }

  async listApprovals(versionIds: readonly string[]): Promise<ApprovalRow[]> {
    if (versionIds.length === 0) return [];
    const { rows } = await this.pool.query<ApprovalDbRow>(
      "SELECT * FROM approvals WHERE version_id = ANY($1) ORDER BY at, id",
      [versionIds],
    );
    return rows.map(toApproval);
  }

  async listOrphanApprovals(): Promise<ApprovalRow[]> {
    const { rows } = await this.pool.query<ApprovalDbRow>(
      "SELECT * FROM approvals WHERE version_id NOT IN (SELECT id FROM versions)",
    );
    return rows.map(toApproval);
  }

  async listDocumentsOf(userId: string): Promise<(DocumentRow & { role: Role })[]> {
    const { rows } = await this.pool.query(
      `SELECT d.*, m.role FROM documents d JOIN memberships m ON m.document_id = d.id
        WHERE m.user_id = $1 ORDER BY d.title`,
      [userId],
    );
    return rows.map((r) => ({ ...toDocument(r), role: r.role as Role }));
  }

  async roleOf(documentId: string, userId: string): Promise<Role | null> {
    const { rows } = await this.pool.query<{ role: Role }>(
      "SELECT role FROM memberships WHERE document_id = $1 AND user_id = $2",
      [documentId, userId],
    );
    return rows[0]?.role ?? null;
  }

  async setMembership(m: MembershipRow): Promise<void> {
    await this.pool.query(
      `INSERT INTO memberships (document_id, user_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
      [m.documentId, m.userId, m.role],
    );
  }

  async removeMembership(documentId: string, userId: string): Promise<void> {
    await this.pool.query("DELETE FROM memberships WHERE document_id = $1 AND user_id = $2", [documentId, userId]);
  }

  async listMembers(documentId: string): Promise<MemberRow[]> {
    const { rows } = await this.pool.query<MemberRow>(
      `SELECT m.document_id AS "documentId", m.user_id AS "userId", m.role, u.email, u.name, u.org_id AS "orgId"
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.document_id = $1
        ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 WHEN 'suggester' THEN 2
                 WHEN 'commenter' THEN 3 ELSE 4 END, u.name`,
      [documentId],
    );
    return rows;
  }

  async changeMembership(documentId: string, userId: string, role: Role | null): Promise<MembershipChange> {
    return this.tx(async (c) => {
      // Under READ COMMITTED two owners demoting each other would both count two owners;
      // the document row lock makes membership changes of one document take turns.
      await c.query("SELECT 1 FROM documents WHERE id = $1 FOR UPDATE", [documentId]);
      const before = await c.query<{ role: Role }>(
        "SELECT role FROM memberships WHERE document_id = $1 AND user_id = $2",
        [documentId, userId],
      );
      const previous = before.rows[0]?.role ?? null;
      if (previous === "owner" && role !== "owner") {
        const owners = await c.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM memberships WHERE document_id = $1 AND role = 'owner'",
          [documentId],
        );
        if ((owners.rows[0]?.n ?? 0) <= 1) return { ok: false, reason: "last_owner" } as const;
      }
      if (role === null) {
        await c.query("DELETE FROM memberships WHERE document_id = $1 AND user_id = $2", [documentId, userId]);
      } else {
        await c.query(
          `INSERT INTO memberships (document_id, user_id, role) VALUES ($1, $2, $3)
             ON CONFLICT (document_id, user_id) DO UPDATE SET role = excluded.role`,
          [documentId, userId, role],
        );
      }
      return { ok: true, previous } as const;
    });
  }

  async appendAudit(entry: AuditEntry): Promise<void> {
    await this.pool.query(
      "INSERT INTO audit (at, user_id, document_id, subject_id, action, detail) VALUES ($1, $2, $3, $4, $5, $6)",
      [
        new Date().toISOString(),
        entry.userId,
        entry.documentId,
        entry.subjectId ?? null,
        entry.action,
        JSON.stringify(entry.detail),
      ],
    );
  }

  async listAudit(documentId: string, limit: number): Promise<AuditRow[]> {
    return this.readAudit("a.document_id = $1", [documentId, limit]);
  }

  async listAccountEvents(userId: string, limit: number): Promise<AuditRow[]> {
    return this.readAudit("a.document_id IS NULL AND (a.user_id = $1 OR a.subject_id = $1)", [userId, limit]);
  }

  /** Audit rows matching `where` (over `a`, parameter $1), newest first, at most $2, with the names of actor and subject. */
  private async readAudit(where: string, params: [string, number]): Promise<AuditRow[]> {
    const { rows } = await this.pool.query(
      `SELECT a.id, a.at, a.user_id AS "userId", u.name AS "userName", a.subject_id AS "subjectId",
              s.name AS "subjectName", a.document_id AS "documentId", a.action, a.detail
         FROM audit a
         LEFT JOIN users u ON u.id = a.user_id
         LEFT JOIN users s ON s.id = a.subject_id
        WHERE ${where}
        ORDER BY a.id DESC
        LIMIT $2`,
      params,
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
