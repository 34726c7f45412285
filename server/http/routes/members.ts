import { Hono } from "hono";
import { PutMemberRequest } from "../../../shared/api/schemas.ts";
import { openDocument } from "../../documents/documents.ts";
import { type AccessChanged, listMembers, putMember, removeMember } from "../../documents/members.ts";
import { forbidden } from "../../errors.ts";
import type { Store } from "../../store/Store.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

const AUDIT_LIMIT_MAX = 1000;

/** Members of a document and its audit log. */
export function memberRoutes(store: Store, changed: AccessChanged) {
  return new Hono<{ Variables: SessionVariables }>()
    .use("/documents/*", requireSession(store))
    .get("/documents/:id/members", async (c) => c.json(await listMembers(store, c.req.param("id"), c.get("user").id)))
    .put("/documents/:id/members", async (c) => {
      const input = await readBody(c, PutMemberRequest);
      return c.json(await putMember(store, changed, c.req.param("id"), c.get("user").id, input));
    })
    .delete("/documents/:id/members/:userId", async (c) => {
      await removeMember(store, changed, c.req.param("id"), c.get("user").id, c.req.param("userId"));
      return c.body(null, 204);
    })
    .get("/documents/:id/audit", async (c) => {
      const documentId = c.req.param("id");
      const { role } = await openDocument(store, documentId, c.get("user").id);
      if (role !== "owner") throw forbidden("only owners read the audit log");
      const limit = Math.min(AUDIT_LIMIT_MAX, Math.max(1, Number(c.req.query("limit")) || 500));
      const rows = await store.listAudit(documentId, limit);
      return c.json(
        rows.map(({ id, at, userId, userName, action, detail }) => ({ id, at, userId, userName, action, detail })),
      );
    });
}
