import type { Store } from "../Store.ts";
import { migrate } from "./migrate.ts";
import type { Database } from "./Sql.ts";
import { sqlAccounts, sqlSessions } from "./sqlAccounts.ts";
import { sqlAudit } from "./sqlAudit.ts";
import { sqlDocuments } from "./sqlDocuments.ts";
import { sqlOrganisations } from "./sqlOrganisations.ts";
import { sqlUpdateLog } from "./sqlUpdateLog.ts";
import { sqlVersions } from "./sqlVersions.ts";

/** Every port over one database, migrated: the queries are the same for SQLite and PostgreSQL. */
export async function openSqlStore(db: Database): Promise<Store> {
  await migrate(db);
  return {
    ...sqlUpdateLog(db),
    ...sqlOrganisations(db),
    ...sqlAccounts(db),
    ...sqlSessions(db),
    ...sqlDocuments(db),
    ...sqlVersions(db),
    ...sqlAudit(db),
    ping: async () => (await db.get("SELECT 1 AS ok")) !== undefined,
    close: () => db.close(),
  };
}
