import { Hono } from "hono";
import type { DocumentReader } from "../../documents/documents.ts";
import { historyRedline, listHistory, restoreHistoryEntry } from "../../history/history.ts";
import type { NameLookup } from "../../store/ports/AccountStore.ts";
import type { AttributionStore } from "../../store/ports/AttributionStore.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { HistoryStore } from "../../store/ports/HistoryStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import type { ServerChanges } from "../../versions/restoreContent.ts";
import { requireSession, type SessionVariables } from "../session.ts";

type HistoryRouteStore = SessionStore & DocumentReader & HistoryStore & AttributionStore & NameLookup & AuditStore;

/**
 * The Verlauf: members list a document's editing sessions and open each one's redline;
 * owners and editors put the text as it was after one back, as a new change.
 */
export function historyRoutes(store: HistoryRouteStore, live: ServerChanges) {
  return new Hono<{ Variables: SessionVariables }>()
    .use("/documents/:id/history", requireSession(store))
    .use("/documents/:id/history/*", requireSession(store))
    .get("/documents/:id/history", async (c) => c.json(await listHistory(store, c.req.param("id"), c.get("user").id)))
    .get("/documents/:id/history/:entryId", async (c) =>
      c.json(await historyRedline(store, c.req.param("id"), c.get("user").id, c.req.param("entryId"))),
    )
    .post("/documents/:id/history/:entryId/restore", async (c) => {
      await restoreHistoryEntry({ store, live }, c.req.param("id"), c.get("user").id, c.req.param("entryId"));
      return c.body(null, 204);
    });
}
