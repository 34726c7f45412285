import { afterAll, describe } from "vitest";
import { adminSql, freshSchemaName, postgresAbsent, TEST_DATABASE_URL } from "../../../tests/helpers/postgres.ts";
import type { Store } from "../Store.ts";
import { describeStoreContract } from "../storeContract.ts";
import { openPgStore } from "./openPgStore.ts";

// Each store gets a fresh schema, dropped afterwards.
const schemas: string[] = [];
const schemaOf = new Map<Store, string>();

async function freshStore(): Promise<Store> {
  const schema = freshSchemaName("accord_test");
  await adminSql(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  const store = await openPgStore({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema}` });
  schemaOf.set(store, schema);
  return store;
}

const absent = await postgresAbsent("PgStore contract");

describe.skipIf(absent)("PgStore", () => {
  afterAll(async () => {
    for (const schema of schemas) await adminSql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  describeStoreContract("PgStore", freshStore, (store, sql) => adminSql(sql, schemaOf.get(store)));
});
