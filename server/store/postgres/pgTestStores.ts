import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import { adminQuery, TEST_DATABASE_URL } from "../../../tests/helpers/services.ts";
import type { Store } from "../Store.ts";
import { openPgStore } from "./openPgStore.ts";

// Test support: stores on schemas of their own in the test PostgreSQL (README, "Tests").

/** Runs `sql` in `schema` on a connection of its own, behind the store's back. */
export async function sqlInSchema(schema: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Stores on fresh schemas of the test database (`prepare` runs first), each dropped after the file. */
export function pgTestStores(prefix: string, prepare: (schema: string) => Promise<void> = async () => {}) {
  const schemas: string[] = [];
  const schemaOf = new Map<Store, string>();
  // A contract run makes hundreds of schemas: dropped a batch per statement (one for all
  // would outgrow the lock table), with time to spare on a loaded machine.
  afterAll(async () => {
    for (let i = 0; i < schemas.length; i += 20) {
      await adminQuery(`DROP SCHEMA IF EXISTS ${schemas.slice(i, i + 20).join(", ")} CASCADE`);
    }
  }, 120_000);
  return {
    async fresh(): Promise<Store> {
      const schema = `${prefix}_${randomBytes(6).toString("hex")}`;
      schemas.push(schema);
      await adminQuery(`CREATE SCHEMA ${schema}`);
      await prepare(schema);
      const store = await openPgStore({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
      schemaOf.set(store, schema);
      return store;
    },
    rawSql: (store: Store, sql: string) => sqlInSchema(schemaOf.get(store) ?? "public", sql),
    schemaOf: (store: Store): string => schemaOf.get(store) ?? "public",
  };
}
