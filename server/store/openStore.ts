import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config.ts";
import { PgStore } from "./postgres/PgStore.ts";
import type { Store } from "./Store.ts";
import { SqliteStore } from "./sqlite/SqliteStore.ts";

/** PostgreSQL when DATABASE_URL is set (scale-out), else one SQLite file in DATA_DIR (the default). */
export async function openStore(config: Config): Promise<Store> {
  if (config.databaseUrl) return PgStore.open({ connectionString: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteStore(path.join(config.dataDir, "accord.sqlite"));
}
