import { Hono } from "hono";
import { AuditQuery } from "../../../shared/api/schemas.ts";
import { readAudit } from "../../documents/audit.ts";
import type { DocumentReader } from "../../documents/documents.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readQuery } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** A document's audit log, for its owners. */
export function auditRoutes(store: SessionStore & DocumentReader & AuditStore) {
  return new Hono<{ Variables: SessionVariables }>()
    .use("/documents/*", requireSession(store))
    .get("/documents/:id/audit", async (c) => {
      const { limit } = readQuery(c, AuditQuery);
      return c.json(await readAudit(store, c.req.param("id"), c.get("user").id, limit));
    });
}
