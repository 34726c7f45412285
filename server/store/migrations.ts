import type { SchemaDialect } from "./sql/Sql.ts";
import { SWISS_ORGANISATIONS } from "./swissOrganisations.ts";

/** A string literal in SQL text (migrations take no parameters). */
const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/**
 * The schema, as one ordered list of migrations written once for both databases; what
 * differs (column types, the immutability triggers) comes from the dialect. Each store
 * applies the ones it has not applied yet, in order, inside a transaction, and records
 * their numbers. Never edit a migration that has shipped; append a new one. (1–7 shipped
 * as one text per dialect, kept in `fixtures/shippedMigrations.json`; a database made by
 * them opens and migrates with this list, which `migrations.test.ts` checks. One
 * difference remains in such databases: PostgreSQL ones made before have the audit index
 * by document as `audit_document`, new ones as `audit_by_document`, on the same columns.)
 */
export interface Migration {
  version: number;
  name: string;
  sql: (d: SchemaDialect) => string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "accounts, documents, update log",
    sql: (d) => `
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
        last_seq ${d.bigint} NOT NULL DEFAULT 0
      );
      CREATE TABLE memberships (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'suggester', 'commenter', 'viewer')),
        PRIMARY KEY (document_id, user_id)
      );
      CREATE TABLE updates (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq ${d.bigint} NOT NULL,
        data ${d.bytes} NOT NULL,
        user_id TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      CREATE TABLE snapshots (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        upto_seq ${d.bigint} NOT NULL,
        data ${d.bytes} NOT NULL
      );
      CREATE TABLE audit (
        id ${d.autoId},
        at TEXT NOT NULL,
        user_id TEXT,
        document_id TEXT,
        action TEXT NOT NULL,
        detail TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: "audit subject and indexes",
    sql: () => `
      ALTER TABLE audit ADD COLUMN subject_id TEXT;
      CREATE INDEX audit_by_document ON audit (document_id, id);
      CREATE INDEX audit_by_user ON audit (user_id, id);
      CREATE INDEX audit_by_subject ON audit (subject_id, id);
    `,
  },
  {
    version: 3,
    name: "cross-party acceptance of suggestions",
    sql: (d) => `
      ALTER TABLE documents ADD COLUMN cross_party_acceptance ${d.boolean} NOT NULL DEFAULT ${d.false};
      UPDATE documents SET cross_party_acceptance = ${d.true} WHERE kind = 'agreement';
    `,
  },
  {
    version: 4,
    name: "frozen versions and approvals, immutable",
    sql: (d) => `
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        seq INTEGER NOT NULL,
        milestone TEXT NOT NULL,
        state ${d.bytes} NOT NULL,
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
      ${d.immutable(["versions", "approvals"])}
    `,
  },
  {
    version: 5,
    // The log's copy of the lock that the version chain decides (see `sql/documentLock.ts`).
    name: "content lock enforced by the update log",
    sql: (d) => `ALTER TABLE documents ADD COLUMN locked ${d.boolean} NOT NULL DEFAULT ${d.false};`,
  },
  {
    version: 6,
    name: "accounts can be deactivated",
    sql: () => `
      ALTER TABLE users ADD COLUMN deactivated_at TEXT;
      CREATE INDEX sessions_by_user ON sessions (user_id);
    `,
  },
  {
    version: 7,
    name: "frozen record of what exports print about versions and decisions",
    // Nullable: rows frozen before keep null, and their hashes are computed without it.
    sql: () => `
      ALTER TABLE versions ADD COLUMN record TEXT;
      ALTER TABLE approvals ADD COLUMN record TEXT;
    `,
  },
  {
    version: 8,
    name: "organisations as data, document parties, instance roles",
    // Existing databases hold the demo's two organisations and documents written by them:
    // the organisations are completed in place and every document gets Solothurn and the SEM.
    sql: (d) => `
      ALTER TABLE orgs ADD COLUMN kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('federal', 'canton', 'commune', 'other'));
      ALTER TABLE orgs ADD COLUMN name_fr TEXT NOT NULL DEFAULT '';
      ALTER TABLE orgs ADD COLUMN name_it TEXT NOT NULL DEFAULT '';
      ALTER TABLE orgs ADD COLUMN short_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE orgs ADD COLUMN colour TEXT NOT NULL DEFAULT '#5f6b7a';
      ALTER TABLE orgs ADD COLUMN active ${d.boolean} NOT NULL DEFAULT ${d.true};
      -- Single sign-on may create accounts for the organisation's e-mail domains.
      ALTER TABLE orgs ADD COLUMN sso_provisioning ${d.boolean} NOT NULL DEFAULT ${d.false};
      ALTER TABLE orgs ADD COLUMN password_sign_in ${d.boolean} NOT NULL DEFAULT ${d.true};
      CREATE TABLE org_domains (
        domain TEXT PRIMARY KEY,
        org_id TEXT NOT NULL REFERENCES orgs(id) ON DELETE CASCADE
      );
      CREATE INDEX org_domains_by_org ON org_domains (org_id);
      ${SWISS_ORGANISATIONS.map(
        (o) => `INSERT INTO orgs (id, name, kind, name_fr, name_it, short_name, colour)
        VALUES (${[o.id, o.name.de, o.kind, o.name.fr, o.name.it, o.shortName, o.colour].map(literal).join(", ")})
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, name_fr = excluded.name_fr,
          name_it = excluded.name_it, short_name = excluded.short_name, colour = excluded.colour;`,
      ).join("\n")}
      ${SWISS_ORGANISATIONS.flatMap((o) =>
        o.domains.map(
          (domain) => `INSERT INTO org_domains (domain, org_id) VALUES (${literal(domain)}, ${literal(o.id)});`,
        ),
      ).join("\n")}
      ALTER TABLE users ADD COLUMN instance_role TEXT CHECK (instance_role IN ('admin', 'org_admin'));
      ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'fr', 'it', 'en'));
      ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;
      CREATE INDEX users_by_org ON users (org_id);
      -- The parties of a document, each in the role its milestone templates name.
      CREATE TABLE document_parties (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        party_role TEXT NOT NULL CHECK (party_role IN ('canton', 'federal')),
        PRIMARY KEY (document_id, org_id),
        UNIQUE (document_id, party_role)
      );
      CREATE INDEX document_parties_by_org ON document_parties (org_id);
      INSERT INTO document_parties (document_id, org_id, party_role) SELECT id, 'kanton-so', 'canton' FROM documents;
      INSERT INTO document_parties (document_id, org_id, party_role) SELECT id, 'sem', 'federal' FROM documents;
    `,
  },
  {
    version: 10,
    name: "invitations, password resets, local mail outbox",
    // Tokens are stored only as SHA-256 hashes: the database never holds a usable link.
    sql: (d) => `
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        email TEXT NOT NULL,
        org_id TEXT NOT NULL REFERENCES orgs(id),
        name TEXT,
        -- what the invitation mail was written in, and the new account's language
        language TEXT NOT NULL DEFAULT 'de' CHECK (language IN ('de', 'fr', 'it', 'en')),
        invited_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        accepted_at TEXT,
        accepted_by TEXT REFERENCES users(id),
        revoked_at TEXT
      );
      CREATE INDEX invitations_by_org ON invitations (org_id, created_at);
      CREATE TABLE password_resets (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE INDEX password_resets_by_user ON password_resets (user_id);
      CREATE TABLE mail_outbox (
        id ${d.autoId},
        at TEXT NOT NULL,
        recipient TEXT NOT NULL,
        -- whose organisation's administrators may read it, and the account it went to (null: an invitee)
        org_id TEXT NOT NULL,
        user_id TEXT,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        text TEXT NOT NULL,
        html TEXT NOT NULL
      );
      CREATE INDEX mail_outbox_by_org ON mail_outbox (org_id, id);
    `,
  },
  {
    version: 11,
    name: "attribution index of compacted updates",
    // Per update: the Yjs item ranges it inserted and its delete set (server/sync/updateRanges.ts),
    // with its user and time, written when compaction folds the row into the snapshot.
    sql: (d) => `
      CREATE TABLE update_attributions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq ${d.bigint} NOT NULL,
        user_id TEXT,
        at TEXT NOT NULL,
        data ${d.bytes} NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
    `,
  },
  {
    version: 12,
    name: "signing authority of users",
    // Who may be named as a signatory of a signature milestone; administrators set it.
    sql: (d) => `ALTER TABLE users ADD COLUMN signing_authority ${d.boolean} NOT NULL DEFAULT ${d.false};`,
  },
  {
    version: 13,
    name: "amendments of signed documents",
    // A Nachtrag names the signed document and version it amends. Its kind is the link: the
    // row's `kind` stays 'agreement' (an amendment is part of the agreement it amends), because
    // widening migration 1's CHECK on SQLite means rebuilding `documents`, and dropping the old
    // table inside the migration's transaction, with foreign keys on, cascades into every
    // membership, update and party row. The mapper (sql/rows.ts) reads such a row as 'amendment'.
    sql: () => `
      ALTER TABLE documents ADD COLUMN amends_document_id TEXT REFERENCES documents(id);
      ALTER TABLE documents ADD COLUMN amends_version_id TEXT REFERENCES versions(id);
      CREATE INDEX documents_by_amended ON documents (amends_document_id);
    `,
  },
  {
    version: 14,
    name: "notifications, their mail and settings",
    // The inbox (one row per recipient; grouped entries count their events), the batching of
    // their mail (at most one per user and document per window), per-user settings, and the
    // unsubscribe links' tokens as SHA-256 hashes.
    sql: (d) => `
      CREATE TABLE notifications (
        id ${d.autoId},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id),
        detail TEXT NOT NULL,
        group_key TEXT,
        count ${d.bigint} NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        read_at TEXT,
        mailed_at TEXT
      );
      CREATE INDEX notifications_by_user ON notifications (user_id, updated_at);
      CREATE INDEX notifications_unread_group ON notifications (user_id, group_key, read_at);
      CREATE INDEX notifications_unmailed ON notifications (mailed_at, user_id, document_id);
      CREATE TABLE notification_settings (
        user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        email ${d.boolean} NOT NULL DEFAULT ${d.true},
        muted_kinds TEXT NOT NULL DEFAULT '[]',
        updated_at TEXT NOT NULL
      );
      CREATE TABLE notification_mail_windows (
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        last_sent_at TEXT NOT NULL,
        PRIMARY KEY (user_id, document_id)
      );
      CREATE TABLE unsubscribe_tokens (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX unsubscribe_tokens_by_user ON unsubscribe_tokens (user_id);
    `,
  },
  {
    version: 15,
    name: "history of compacted updates",
    // The Verlauf's record of what compaction folds: per run of one person's consecutive rows
    // within one quarter hour, the run's updates merged (lossless, unlike the snapshot, which
    // a gc'd Y.Doc wrote). A document compacted before this migration gets one baseline row
    // (user_id null) holding that snapshot at its next compaction.
    sql: (d) => `
      CREATE TABLE update_history (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        first_seq ${d.bigint} NOT NULL,
        last_seq ${d.bigint} NOT NULL,
        user_id TEXT,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        data ${d.bytes} NOT NULL,
        PRIMARY KEY (document_id, first_seq)
      );
    `,
  },
];
