import { Hono } from "hono";
import { CreateOrganisationRequest, UpdateOrganisationRequest } from "../../../shared/api/organisations.ts";
import { createOrganisation, listForAdministrator, updateOrganisation } from "../../organisations/administration.ts";
import { listOrganisations } from "../../organisations/look.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { OrganisationStore } from "../../store/ports/OrganisationStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody } from "../body.ts";
import { requireAdministrator, requireSession, type SessionVariables } from "../session.ts";

/**
 * The organisation directory for every signed-in user, and its administration: instance
 * administrators create and change organisations (`server/organisations/administration.ts`
 * decides; an organisation administrator only reads their own).
 */
export function organisationRoutes(store: SessionStore & OrganisationStore & AuditStore) {
  return new Hono<{ Variables: SessionVariables }>()
    .use("/organisations", requireSession(store))
    .use("/admin/organisations", requireSession(store), requireAdministrator)
    .use("/admin/organisations/*", requireSession(store), requireAdministrator)
    .get("/organisations", async (c) => c.json(await listOrganisations(store)))
    .get("/admin/organisations", async (c) => c.json(await listForAdministrator(store, c.get("user"))))
    .post("/admin/organisations", async (c) => {
      const input = await readBody(c, CreateOrganisationRequest);
      return c.json(await createOrganisation(store, c.get("user"), input), 201);
    })
    .patch("/admin/organisations/:id", async (c) => {
      const change = await readBody(c, UpdateOrganisationRequest);
      return c.json(await updateOrganisation(store, c.get("user"), c.req.param("id"), change));
    });
}
