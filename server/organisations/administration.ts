import type {
  AdminOrganisation,
  CreateOrganisationRequest,
  UpdateOrganisationRequest,
} from "../../shared/api/organisations.ts";
import { isInstanceAdmin } from "../accounts/administration.ts";
import { conflict, forbidden, notFound } from "../errors.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { OrganisationConflict, OrganisationStore } from "../store/ports/OrganisationStore.ts";
import { adminOrganisation } from "./look.ts";

type Admin = Pick<UserRow, "id" | "instanceRole" | "orgId">;
type Ports = OrganisationStore & Pick<AuditStore, "appendAudit">;

const CONFLICT_MESSAGE: Record<OrganisationConflict, string> = {
  id_taken: "an organisation with this id exists already",
  domain_taken: "one of these domains belongs to another organisation",
};

/**
 * Only instance administrators create or change organisations. An organisation
 * administrator may not even rename their own: names, kind and domains decide which
 * documents an organisation can be a party of and where single sign-on puts new accounts.
 */
function requireInstanceAdmin(actor: Admin): void {
  if (!isInstanceAdmin(actor)) throw forbidden("only instance administrators manage organisations");
}

/** Every organisation with its settings for an instance administrator; their own for an organisation administrator. */
export async function listForAdministrator(store: Ports, actor: Admin): Promise<AdminOrganisation[]> {
  const all = await store.listOrganisations();
  return (isInstanceAdmin(actor) ? all : all.filter((o) => o.id === actor.orgId)).map(adminOrganisation);
}

/** Creates an organisation (instance administrators); 409 on a taken id or domain, audited as `org.created`. */
export async function createOrganisation(
  store: Ports,
  actor: Admin,
  input: CreateOrganisationRequest,
): Promise<AdminOrganisation> {
  requireInstanceAdmin(actor);
  const taken = await store.createOrganisation({ ...input });
  if (taken) throw conflict(CONFLICT_MESSAGE[taken]);
  const created = await store.findOrganisation(input.id);
  if (!created) throw notFound("organisation");
  await store.appendAudit({
    userId: actor.id,
    documentId: null,
    action: "org.created",
    detail: { orgId: created.id, organisation: adminOrganisation(created) },
  });
  return adminOrganisation(created);
}

/** Changes an organisation (instance administrators); 404, 409 on a taken domain; audited as `org.changed` with before and after. */
export async function updateOrganisation(
  store: Ports,
  actor: Admin,
  orgId: string,
  change: UpdateOrganisationRequest,
): Promise<AdminOrganisation> {
  requireInstanceAdmin(actor);
  const before = await store.findOrganisation(orgId);
  if (!before) throw notFound("organisation");
  const refusal = await store.updateOrganisation(orgId, change);
  if (refusal === "not_found") throw notFound("organisation");
  if (refusal) throw conflict(CONFLICT_MESSAGE[refusal]);
  const after = await store.findOrganisation(orgId);
  if (!after) throw notFound("organisation");
  await store.appendAudit({
    userId: actor.id,
    documentId: null,
    action: "org.changed",
    detail: { orgId, change, before: adminOrganisation(before), after: adminOrganisation(after) },
  });
  return adminOrganisation(after);
}
