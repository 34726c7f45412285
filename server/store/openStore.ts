import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import { openPgStore } from "./postgres/openPgStore.ts";
import type { Store } from "./Store.ts";
import { openSqliteStore } from "./sqlite/openSqliteStore.ts";

/** PostgreSQL when DATABASE_URL is set (scale-out), else one SQLite file in DATA_DIR (the default). */
export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) return openPgStore({ connectionString: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return openSqliteStore(path.join(config.dataDir, "accord.sqlite"));
}
