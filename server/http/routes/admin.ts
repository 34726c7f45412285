import { Hono } from "hono";
import { OrgQuery, OutboxQuery, UserAdminChange } from "../../../shared/api/accountSchemas.ts";
import { readOutbox } from "../../accounts/outbox.ts";
import { changeUser, directory, type PeopleDeps } from "../../accounts/people.ts";
import type { MailOutboxStore } from "../../store/ports/MailOutboxStore.ts";
import { readBody, readQuery } from "../body.ts";
import { requireAdministrator, requireSession, type SessionVariables } from "../session.ts";

/** The administrators' people directory, access and roles, and the local outbox. */
export function adminRoutes(deps: PeopleDeps & { store: MailOutboxStore }) {
  const admin = [requireSession(deps.store), requireAdministrator] as const;
  return new Hono<{ Variables: SessionVariables }>()
    .get("/admin/users", ...admin, async (c) => {
      const { orgId } = readQuery(c, OrgQuery);
      return c.json(await directory(deps, c.get("user"), orgId));
    })
    .patch("/admin/users/:id", ...admin, async (c) => {
      const change = await readBody(c, UserAdminChange);
      return c.json(await changeUser(deps, c.get("user"), c.req.param("id"), change));
    })
    .get("/admin/outbox", ...admin, async (c) => {
      const { orgId, limit } = readQuery(c, OutboxQuery);
      return c.json(await readOutbox(deps.store, c.get("user"), orgId, limit));
    });
}
