import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll } from "vitest";
import type { Store } from "../Store.ts";
import { describeStoreContract } from "../storeContract.ts";
import { openSqliteStore } from "./openSqliteStore.ts";

// Test support: SQLite files in a temporary directory that the suite removes afterwards.

/** A function returning the path of a new database file, each call another one. */
export function sqliteTestFiles(prefix: string): () => string {
  const dir = mkdtempSync(path.join(tmpdir(), `accord-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  return () => path.join(dir, `${prefix}-${++files}.sqlite`);
}

/** The store contract over SQLite files that `newFile` prepares (empty, or made by older code). */
export function describeSqliteStoreContract(name: string, newFile: () => string): void {
  const storeFiles = new Map<Store, string>();
  describeStoreContract(
    name,
    async () => {
      const file = newFile();
      const store = await openSqliteStore(file);
      storeFiles.set(store, file);
      return store;
    },
    async (store, sql) => {
      const db = new Database(storeFiles.get(store) ?? "");
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
  );
}
