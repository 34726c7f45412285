import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { describeNeeding } from "../../tests/helpers/needsServices.ts";
import { TEST_DATABASE_URL } from "../../tests/helpers/services.ts";
import shipped from "./fixtures/shippedMigrations.json" with { type: "json" };
import { MIGRATIONS } from "./migrations.ts";
import { pgTestStores, sqlInSchema } from "./postgres/pgTestStores.ts";
import type { Store } from "./Store.ts";
import { openSqliteStore } from "./sqlite/openSqliteStore.ts";
import { describeSqliteStoreContract, sqliteTestFiles } from "./sqlite/sqliteTestFiles.ts";
import { describeStoreContract } from "./storeContract.ts";

/** Migrations 1–7 exactly as they shipped, one SQL text per dialect: the schema existing databases have. */
const SHIPPED_MIGRATIONS: readonly { version: number; name: string; sqlite: string; postgres: string }[] = shipped;

// Databases made by migrations 1–7 as they shipped (one text per dialect) open with the list
// written once, pass the whole contract, and have the columns a new database has.

const newFile = sqliteTestFiles("shipped");

/** A SQLite file migrated the way the shipped code did it. */
function shippedSqlite(): string {
  const file = newFile();
  const db = new Database(file);
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  for (const m of SHIPPED_MIGRATIONS) {
    db.exec(m.sqlite);
    db.prepare("INSERT INTO schema_migrations (version, name) VALUES (?, ?)").run(m.version, m.name);
  }
  db.close();
  return file;
}

function sqliteColumns(file: string): Record<string, string[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        db
          .prepare<[], { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>(
            `PRAGMA table_info(${name})`,
          )
          .all()
          .map((c) => `${c.name} ${c.type} notnull=${c.notnull} default=${c.dflt_value} pk=${c.pk}`),
      ]),
    );
  } finally {
    db.close();
  }
}

describeSqliteStoreContract("SqliteStore over a file made by the shipped migrations", shippedSqlite);

/** The demo's two organisations and a document of each kind, as a store of the shipped code held them. */
const SHIPPED_DEMO_DATA = `INSERT INTO orgs (id, name) VALUES ('kanton-so', 'Kanton Solothurn'), ('sem', 'SEM');
  INSERT INTO users (id, email, name, org_id, password_hash) VALUES ('u-andrea', 'a@so.ch', 'Andrea', 'kanton-so', 'h');
  INSERT INTO documents (id, title, kind, created_at, updated_at) VALUES
    ('konzept', 'Konzept', 'concept', '2026-01-01', '2026-01-01'),
    ('pv', 'PV', 'agreement', '2026-01-01', '2026-01-01');
  INSERT INTO memberships VALUES ('konzept', 'u-andrea', 'owner'), ('pv', 'u-andrea', 'owner');`;

/** Every shipped document becomes a document of Solothurn and the SEM. */
async function expectSolothurnAndSem(store: Store): Promise<void> {
  const parties = [
    { orgId: "kanton-so", role: "canton" },
    { orgId: "sem", role: "federal" },
  ];
  try {
    expect((await store.findDocument("konzept"))?.parties).toEqual(parties);
    expect((await store.listDocumentsOf("u-andrea")).map((d) => [d.id, d.parties])).toEqual([
      ["konzept", parties],
      ["pv", parties],
    ]);
  } finally {
    await store.close();
  }
}

describe("migrations written once, SQLite", () => {
  it("give a new file the same tables and columns as the shipped migrations followed by the list", async () => {
    const fresh = newFile();
    await (await openSqliteStore(fresh)).close();
    const shipped = shippedSqlite();
    await (await openSqliteStore(shipped)).close();
    expect(sqliteColumns(fresh)).toEqual(sqliteColumns(shipped));
  });

  it("give the documents of a shipped file the parties Solothurn and SEM", async () => {
    const file = shippedSqlite();
    const db = new Database(file);
    db.exec(SHIPPED_DEMO_DATA);
    db.close();
    await expectSolothurnAndSem(await openSqliteStore(file));
  });

  it("open a shipped file with data in it and read it as it was written", async () => {
    const file = shippedSqlite();
    const db = new Database(file);
    db.exec(`INSERT INTO orgs VALUES ('so', 'Kanton Solothurn');
      INSERT INTO users (id, email, name, org_id, password_hash) VALUES ('u', 'u@so.ch', 'U', 'so', 'h');
      INSERT INTO documents (id, title, kind, created_at, updated_at, last_seq, cross_party_acceptance, locked)
        VALUES ('pv', 'PV', 'agreement', '2026-01-01', '2026-01-01', 7, 1, 1);
      INSERT INTO memberships VALUES ('pv', 'u', 'owner');`);
    db.close();
    const store = await openSqliteStore(file);
    try {
      expect(await store.findDocument("pv")).toMatchObject({ kind: "agreement", crossPartyAcceptance: true });
      expect(await store.lastSeqOf("pv")).toBe(7);
      expect(await store.appendUpdates([{ documentId: "pv", data: new Uint8Array([1]), userId: "u" }])).toEqual([null]);
      expect(await store.listMembers("pv")).toEqual([
        { documentId: "pv", userId: "u", role: "owner", email: "u@so.ch", name: "U", orgId: "so" },
      ]);
    } finally {
      await store.close();
    }
  });
});

const describeOnPostgres = await describeNeeding("postgres");

describeOnPostgres("migrations written once, PostgreSQL", () => {
  /** A schema migrated the way the shipped code did it. */
  const shippedSchema = (schema: string) =>
    sqlInSchema(
      schema,
      [
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL);",
        ...SHIPPED_MIGRATIONS.map(
          (m) => `${m.postgres}; INSERT INTO schema_migrations (version, name) VALUES (${m.version}, '${m.name}');`,
        ),
      ].join("\n"),
    );
  const shipped = pgTestStores("accord_shipped", shippedSchema);
  const fresh = pgTestStores("accord_fresh");
  const shippedWithData = pgTestStores("accord_shipped_data", async (schema) => {
    await shippedSchema(schema);
    await sqlInSchema(schema, SHIPPED_DEMO_DATA);
  });

  it("gives the documents of a shipped schema the parties Solothurn and SEM", async () => {
    await expectSolothurnAndSem(await shippedWithData.fresh());
  });

  describeStoreContract("PgStore over a schema made by the shipped migrations", shipped.fresh, shipped.rawSql);

  it("gives a new schema the same columns as the shipped migrations did", async () => {
    const columns = async (schema: string) => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query<{ column_default: string | null }>(
          `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
            WHERE table_schema = $1 ORDER BY table_name, column_name`,
          [schema],
        );
        // A serial's default names its sequence with the schema.
        return rows.map((r) => ({ ...r, column_default: r.column_default?.replace(`${schema}.`, "") ?? null }));
      } finally {
        await client.end();
      }
    };
    const [a, b] = [await fresh.fresh(), await shipped.fresh()];
    await Promise.all([a.close(), b.close()]);
    expect(await columns(fresh.schemaOf(a))).toEqual(await columns(shipped.schemaOf(b)));
    // The shipped texts are the first migrations of the list; later ones were written once from the start.
    expect(MIGRATIONS.map((m) => m.version).slice(0, SHIPPED_MIGRATIONS.length)).toEqual(
      SHIPPED_MIGRATIONS.map((m) => m.version),
    );
  });
});
