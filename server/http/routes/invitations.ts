import { Hono } from "hono";
import { AcceptInvitationRequest, InvitationRequest, OrgQuery } from "../../../shared/api/accountSchemas.ts";
import {
  acceptInvitation,
  describeInvitation,
  type InvitationDeps,
  invite,
  listInvitations,
  revokeInvitation,
} from "../../accounts/invitations.ts";
import type { Config } from "../../config.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody, readQuery } from "../body.ts";
import { requireAdministrator, requireSession, type SessionVariables } from "../session.ts";
import { signIn } from "../signIn.ts";

/**
 * Invitations: administrators invite, list and revoke; the holder of a link reads it and
 * accepts it (public, by token: every bad token is the same 404).
 */
export function invitationRoutes(deps: InvitationDeps & { store: SessionStore }, config: Config) {
  const admin = [requireSession(deps.store), requireAdministrator] as const;
  return new Hono<{ Variables: SessionVariables }>()
    .post("/invitations", ...admin, async (c) => {
      const request = await readBody(c, InvitationRequest);
      return c.json(await invite(deps, c.get("user"), request), 201);
    })
    .get("/invitations", ...admin, async (c) => {
      const { orgId } = readQuery(c, OrgQuery);
      return c.json(await listInvitations(deps, c.get("user"), orgId));
    })
    .delete("/invitations/:id", ...admin, async (c) => {
      await revokeInvitation(deps, c.get("user"), c.req.param("id"));
      return c.body(null, 204);
    })
    .get("/invitations/:token", async (c) => c.json(await describeInvitation(deps, c.req.param("token"))))
    .post("/invitations/:token/accept", async (c) => {
      const request = await readBody(c, AcceptInvitationRequest);
      const user = await acceptInvitation(deps, c.req.param("token"), request);
      return c.json({ user: await signIn(c, deps.store, config, user, "invitation") }, 201);
    });
}
