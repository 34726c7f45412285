import type { Store } from "../Store.ts";
import { migrate } from "./migrate.ts";
import type { Database } from "./Sql.ts";
import { sqlAccounts, sqlSessions } from "./sqlAccounts.ts";
import { sqlAttributions } from "./sqlAttributions.ts";
import { sqlAudit } from "./sqlAudit.ts";
import { sqlDocuments } from "./sqlDocuments.ts";
import { sqlHistory } from "./sqlHistory.ts";
import { sqlInvitations } from "./sqlInvitations.ts";
import { sqlMailOutbox } from "./sqlMailOutbox.ts";
import { sqlNotificationMail } from "./sqlNotificationMail.ts";
import { sqlNotifications } from "./sqlNotifications.ts";
import { sqlOrganisations } from "./sqlOrganisations.ts";
import { sqlPasswordResets } from "./sqlPasswordResets.ts";
import { sqlUpdateLog } from "./sqlUpdateLog.ts";
import { sqlVersions } from "./sqlVersions.ts";

/** Every port over one database, migrated: the queries are the same for SQLite and PostgreSQL. */
export async function openSqlStore(db: Database): Promise<Store> {
  await migrate(db);
  return {
    ...sqlUpdateLog(db),
    ...sqlAttributions(db),
    ...sqlHistory(db),
    ...sqlOrganisations(db),
    ...sqlAccounts(db),
    ...sqlSessions(db),
    ...sqlDocuments(db),
    ...sqlVersions(db),
    ...sqlAudit(db),
    ...sqlInvitations(db),
    ...sqlPasswordResets(db),
    ...sqlMailOutbox(db),
    ...sqlNotifications(db),
    ...sqlNotificationMail(db),
    ping: async () => (await db.get("SELECT 1 AS ok")) !== undefined,
    close: () => db.close(),
  };
}
