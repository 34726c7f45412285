import pg from "pg";
import type { Store } from "../Store.ts";
import { openSqlStore } from "../sql/SqlStore.ts";
import { PgDatabase } from "./PgDatabase.ts";

/**
 * The PostgreSQL store, for several Accord instances sharing one database: connects,
 * applies pending migrations (one instance at a time). Appends take a row lock on the
 * document, so sequence numbers stay gap-free and ordered across instances.
 */
export const openPgStore = (config: pg.PoolConfig): Promise<Store> =>
  openSqlStore(new PgDatabase(new pg.Pool({ max: 10, connectionTimeoutMillis: 5000, ...config })));
