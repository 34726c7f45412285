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
];
