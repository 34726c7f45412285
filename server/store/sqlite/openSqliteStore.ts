import type { Store } from "../Store.ts";
import { openSqlStore } from "../sql/SqlStore.ts";
import { SqliteDatabase } from "./SqliteDatabase.ts";

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so a committed
 * transaction survives a power cut, not only a process crash. Migrated when it opens.
 */
export const openSqliteStore = (file: string): Promise<Store> => openSqlStore(SqliteDatabase.open(file));
