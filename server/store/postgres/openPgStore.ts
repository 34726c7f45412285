import pg from "pg";
import type { Store } from "../Store.ts";
import { openSqlStore } from "../sql/SqlStore.ts";
import { PgDatabase } from "./PgDatabase.ts";
import { pgAppendUpdates } from "./pgAppend.ts";

/**
 * The PostgreSQL store, for several Accord instances sharing one database: connects,
 * applies pending migrations (one instance at a time). Appends take a row lock on the
 * document, so sequence numbers stay gap-free and ordered across instances.
 */
export async function openPgStore(config: pg.PoolConfig): Promise<Store> {
  const db = new PgDatabase(new pg.Pool({ max: 10, connectionTimeoutMillis: 5000, ...config }));
  const store = await openSqlStore(db);
  // The commit path in one statement instead of the generic transaction (pgAppend.ts).
  return { ...store, appendUpdates: pgAppendUpdates(db) };
}
