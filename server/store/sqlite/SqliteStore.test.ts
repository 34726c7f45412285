import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../migrations.ts";
import { openSqliteStore } from "./openSqliteStore.ts";
import { describeSqliteStoreContract, sqliteTestFiles } from "./sqliteTestFiles.ts";

/** A path for a new database file in the temporary directory. */
const freshFile = sqliteTestFiles("sqlite-store");

describeSqliteStoreContract("SqliteStore", freshFile);

/** Reads the file with a second, independent connection, as an operator's sqlite3 shell would. */
function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe("SqliteStore on disk", () => {
  it("puts its file in WAL mode", async () => {
    const file = freshFile();
    const store = await openSqliteStore(file);
    try {
      expect(inspect(file, (db) => db.pragma("journal_mode", { simple: true }))).toBe("wal");
    } finally {
      await store.close();
    }
  });

  // synchronous=FULL is a per-connection setting: a second connection cannot see it and the
  // store exposes no way to read its own, so it is not checked here.

  it("applies its migrations once when the same file is opened again, keeping the data", async () => {
    const file = freshFile();
    const first = await openSqliteStore(file);
    await first.createUser({ id: "u", email: "u@amt.ch", name: "U", orgId: "kanton-so", passwordHash: "h" });
    await first.createDocument({
      id: "doc",
      title: "Konzept",
      kind: "concept",
      ownerId: "u",
      crossPartyAcceptance: false,
      parties: [
        { orgId: "kanton-so", role: "canton" },
        { orgId: "sem", role: "federal" },
      ],
    });
    await first.appendUpdates([{ documentId: "doc", data: new Uint8Array([0, 0]), userId: "u" }]);
    await first.close();

    const second = await openSqliteStore(file);
    try {
      expect(await second.countUsers()).toBe(1);
      expect((await second.loadState("doc")).lastSeq).toBe(1);
      expect(await second.appendUpdates([{ documentId: "doc", data: new Uint8Array([0, 0]), userId: null }])).toEqual([
        2,
      ]);
    } finally {
      await second.close();
    }
    const versions = inspect(file, (db) =>
      db.prepare<[], { version: number }>("SELECT version FROM schema_migrations ORDER BY version").all(),
    );
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });
});
