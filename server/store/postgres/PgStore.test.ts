import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";
import type { Store } from "../Store.ts";
import { describeStoreContract } from "../storeContract.ts";
import { PgStore } from "./PgStore.ts";

/** PostgreSQL of the machine and of CI (trust auth); each store gets a fresh schema, dropped afterwards. */
const DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const schemas: string[] = [];
const schemaOf = new Map<Store, string>();

async function freshStore(): Promise<PgStore> {
  const schema = `accord_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  schemas.push(schema);
  const store = await PgStore.open({ connectionString: DATABASE_URL, options: `-c search_path=${schema}` });
  schemaOf.set(store, schema);
  return store;
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: DATABASE_URL });
  await admin.connect();
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

describeStoreContract("PgStore", freshStore, async (store, sql) => {
  const client = new pg.Client({ connectionString: DATABASE_URL, options: `-c search_path=${schemaOf.get(store)}` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
});
