import { MIGRATIONS } from "../migrations.ts";
import type { Database } from "./Sql.ts";

/** Applies the migrations the database has not applied yet, in order, in one transaction. */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await db.lockMigrations(tx);
    await tx.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    const applied = new Set(
      (await tx.all<{ version: number }>("SELECT version FROM schema_migrations")).map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      await tx.exec(m.sql(db.schema));
      await tx.run("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [m.version, m.name]);
    }
  });
}
