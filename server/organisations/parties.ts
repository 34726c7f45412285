import type { PartyRole } from "../../shared/api/organisations.ts";
import { badRequest } from "../errors.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { PartyRow } from "../store/ports/DocumentStore.ts";
import type { OrganisationKind, OrganisationRow, OrganisationStore } from "../store/ports/OrganisationStore.ts";

/** The organisation kind that may hold each party role of a programme document. */
const KIND_OF_ROLE: Record<PartyRole, OrganisationKind> = { canton: "canton", federal: "federal" };

/**
 * The parties of a new programme document: one active canton and one active federal
 * organisation, the creator's own among them. Without `requested`, a canton's staff get
 * their canton and the federal organisation, when the deployment has exactly one active
 * (the SEM); everyone else names both. Instance administrators are held to the same rule:
 * an owner outside the parties could not decide anything for either.
 * Throws `bad_request` saying what is wrong; nothing is created then.
 */
export async function chooseParties(
  store: Pick<OrganisationStore, "findOrganisation" | "listOrganisations">,
  creator: Pick<UserRow, "orgId">,
  requested: readonly string[] | undefined,
): Promise<PartyRow[]> {
  const orgs = requested ? await named(store, requested) : await defaults(store, creator);
  const parties: PartyRow[] = [];
  for (const role of ["canton", "federal"] as const) {
    const holders = orgs.filter((o) => o.kind === KIND_OF_ROLE[role]);
    if (holders.length !== 1 || !holders[0]) {
      throw badRequest("a programme document has two parties: one canton and one federal organisation");
    }
    parties.push({ orgId: holders[0].id, role });
  }
  if (!parties.some((p) => p.orgId === creator.orgId)) {
    throw badRequest("your organisation must be one of the document's parties");
  }
  return parties;
}

async function named(store: Pick<OrganisationStore, "findOrganisation">, ids: readonly string[]) {
  if (new Set(ids).size !== ids.length) throw badRequest("the parties must be two different organisations");
  const orgs: OrganisationRow[] = [];
  for (const id of ids) {
    const org = await store.findOrganisation(id);
    // Unknown and inactive read the same: an inactive organisation is a party of no new document.
    if (!org?.active) throw badRequest(`no active organisation ${id}`);
    orgs.push(org);
  }
  return orgs;
}

async function defaults(
  store: Pick<OrganisationStore, "findOrganisation" | "listOrganisations">,
  creator: Pick<UserRow, "orgId">,
): Promise<OrganisationRow[]> {
  const own = await store.findOrganisation(creator.orgId);
  const federal = (await store.listOrganisations()).filter((o) => o.active && o.kind === "federal");
  if (own?.active && own.kind === "canton" && federal.length === 1 && federal[0]) return [own, federal[0]];
  throw badRequest("name the document's parties: one canton and one federal organisation");
}
