/**
 * The schema, as one ordered list of migrations. Each store applies the ones it has not
 * applied yet, in order, inside a transaction, and records their numbers. Never edit a
 * migration that has shipped; append a new one.
 */
export interface Migration {
  version: number;
  name: string;
  /** SQL for SQLite. */
  sqlite: string;
  /** The same schema change for PostgreSQL. */
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "accounts, documents, update log",
    sqlite: `
      CREATE TABLE orgs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        password_hash TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('concept', 'agreement')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- sequence number of the document's last logged update; survives compaction
        last_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE memberships (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'suggester', 'commenter', 'viewer')),
        PRIMARY KEY (document_id, user_id)
      );
      CREATE TABLE updates (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data BLOB NOT NULL,
        user_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE snapshots (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        upto_seq INTEGER NOT NULL,
        data BLOB NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        user_id TEXT,
        document_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      );
    `,
    postgres: `
      CREATE TABLE orgs (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        password_hash TEXT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('concept', 'agreement')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_seq BIGINT NOT NULL DEFAULT 0
      );
      CREATE TABLE memberships (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'suggester', 'commenter', 'viewer')),
        PRIMARY KEY (document_id, user_id)
      );
      CREATE TABLE updates (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq BIGINT NOT NULL,
        data BYTEA NOT NULL,
        user_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE snapshots (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        upto_seq BIGINT NOT NULL,
        data BYTEA NOT NULL
      );
      CREATE TABLE audit (
        id BIGSERIAL PRIMARY KEY,
        at TEXT NOT NULL,
        user_id TEXT,
        document_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      );
      CREATE INDEX audit_document ON audit (document_id, id);
    `,
  },
  {
    version: 2,
    name: "audit subject and indexes",
    sqlite: `
      ALTER TABLE audit ADD COLUMN subject_id TEXT;
      CREATE INDEX audit_by_document ON audit (document_id, id);
      CREATE INDEX audit_by_user ON audit (user_id, id);
      CREATE INDEX audit_by_subject ON audit (subject_id, id);
    `,
    postgres: `
      ALTER TABLE audit ADD COLUMN subject_id TEXT;
      CREATE INDEX audit_by_user ON audit (user_id, id);
      CREATE INDEX audit_by_subject ON audit (subject_id, id);
    `,
  },
  {
    version: 3,
    name: "cross-party acceptance of suggestions",
    sqlite: `
      ALTER TABLE documents ADD COLUMN cross_party_acceptance INTEGER NOT NULL DEFAULT 0;
      UPDATE documents SET cross_party_acceptance = 1 WHERE kind = 'agreement';
    `,
    postgres: `
      ALTER TABLE documents ADD COLUMN cross_party_acceptance BOOLEAN NOT NULL DEFAULT FALSE;
      UPDATE documents SET cross_party_acceptance = TRUE WHERE kind = 'agreement';
    `,
  },
  {
    version: 4,
    name: "frozen versions and approvals, immutable",
    sqlite: `
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        milestone TEXT NOT NULL,
        state BLOB NOT NULL,
        pm_json TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        state_hash TEXT NOT NULL,
        prev_hash TEXT,
        chain_hash TEXT NOT NULL,
        frozen_by TEXT NOT NULL,
        frozen_at TEXT NOT NULL,
        open_items TEXT NOT NULL,
        UNIQUE (document_id, seq)
      );
      CREATE INDEX versions_by_content_hash ON versions (content_hash);
      CREATE INDEX versions_by_chain_hash ON versions (chain_hash);
      CREATE TABLE approvals (
        id TEXT PRIMARY KEY,
        version_id TEXT NOT NULL REFERENCES versions(id),
        user_id TEXT NOT NULL,
        org_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
        details TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (version_id, org_id)
      );
      CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
      CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
      CREATE TRIGGER approvals_no_update BEFORE UPDATE ON approvals BEGIN SELECT RAISE(ABORT, 'approvals are immutable'); END;
      CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals BEGIN SELECT RAISE(ABORT, 'approvals are immutable'); END;
    `,
    postgres: `
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        milestone TEXT NOT NULL,
        state BYTEA NOT NULL,
        pm_json TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        state_hash TEXT NOT NULL,
        prev_hash TEXT,
        chain_hash TEXT NOT NULL,
        frozen_by TEXT NOT NULL,
        frozen_at TEXT NOT NULL,
        open_items TEXT NOT NULL,
        UNIQUE (document_id, seq)
      );
      CREATE INDEX versions_by_content_hash ON versions (content_hash);
      CREATE INDEX versions_by_chain_hash ON versions (chain_hash);
      CREATE TABLE approvals (
        id TEXT PRIMARY KEY,
        version_id TEXT NOT NULL REFERENCES versions(id),
        user_id TEXT NOT NULL,
        org_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
        details TEXT NOT NULL,
        reason TEXT,
        at TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (version_id, org_id)
      );
      CREATE FUNCTION accord_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are immutable', TG_TABLE_NAME;
      END
      $$;
      CREATE TRIGGER versions_immutable BEFORE UPDATE OR DELETE ON versions
        FOR EACH ROW EXECUTE FUNCTION accord_immutable();
      CREATE TRIGGER approvals_immutable BEFORE UPDATE OR DELETE ON approvals
        FOR EACH ROW EXECUTE FUNCTION accord_immutable();
    `,
  },
  {
    version: 5,
    name: "content lock enforced by the update log",
    sqlite: `
      ALTER TABLE documents ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
    `,
    postgres: `
      ALTER TABLE documents ADD COLUMN locked BOOLEAN NOT NULL DEFAULT FALSE;
    `,
  },
  {
    version: 6,
    name: "accounts can be deactivated",
    sqlite: `
      ALTER TABLE users ADD COLUMN deactivated_at TEXT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
    `,
    postgres: `
      ALTER TABLE users ADD COLUMN deactivated_at TEXT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
    `,
  },
  {
    version: 7,
    name: "frozen record of what exports print about versions and decisions",
    // Nullable: rows frozen before keep null, and their hashes are computed without it.
    sqlite: `
      ALTER TABLE versions ADD COLUMN record TEXT;
      ALTER TABLE approvals ADD COLUMN record TEXT;
    `,
    postgres: `
      ALTER TABLE versions ADD COLUMN record TEXT;
      ALTER TABLE approvals ADD COLUMN record TEXT;
    `,
  },
];
