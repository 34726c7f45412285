import type { Store } from "../Store.ts";
import { openSqlStore } from "../sql/SqlStore.ts";
import type { DiskReclaimOptions } from "./DiskReclaim.ts";
import { SqliteDatabase } from "./SqliteDatabase.ts";

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a committed
 * transaction survives a power cut, not only a process crash. Migrated when it opens; gives
 * disk back when idle (`DiskReclaim`).
 */
export const openSqliteStore = (file: string, options: DiskReclaimOptions = {}): Promise<Store> =>
  openSqlStore(SqliteDatabase.open(file, options));
