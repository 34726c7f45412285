import { Hono } from "hono";
import { PutMemberRequest } from "../../../shared/api/schemas.ts";
import type { DocumentReader } from "../../documents/documents.ts";
import { type AccessChanged, listCandidates, listMembers, putMember, removeMember } from "../../documents/members.ts";
import type { AccountStore } from "../../store/ports/AccountStore.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** Members of a document: any member lists them, owners list candidates, add, change and remove them. */
export function memberRoutes(store: SessionStore & DocumentReader & AccountStore & AuditStore, changed: AccessChanged) {
  return new Hono<{ Variables: SessionVariables }>()
    .use("/documents/*", requireSession(store))
    .get("/documents/:id/members", async (c) => c.json(await listMembers(store, c.req.param("id"), c.get("user").id)))
    .get("/documents/:id/candidates", async (c) =>
      c.json(await listCandidates(store, c.req.param("id"), c.get("user").id)),
    )
    .put("/documents/:id/members", async (c) => {
      const input = await readBody(c, PutMemberRequest);
      return c.json(await putMember(store, changed, c.req.param("id"), c.get("user").id, input));
    })
    .delete("/documents/:id/members/:userId", async (c) => {
      await removeMember(store, changed, c.req.param("id"), c.get("user").id, c.req.param("userId"));
      return c.body(null, 204);
    });
}
