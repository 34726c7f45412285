import { canEditContent } from "../../shared/roles.ts";
import { invalidSignatory } from "../errors.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { DocumentStore } from "../store/ports/DocumentStore.ts";

/** What finding the people of a deciding organisation needs: the document's members and the organisation's users. */
export type ColleaguePorts = Pick<DocumentStore, "listMembers"> & Pick<AccountStore, "listUsersOf">;

/** The active members of `documentId` who belong to `orgId`, with their role on the document. */
async function activeMembersOf(store: ColleaguePorts, documentId: string, orgId: string) {
  const roles = new Map(
    (await store.listMembers(documentId)).filter((m) => m.orgId === orgId).map((m) => [m.userId, m.role]),
  );
  return (await store.listUsersOf([orgId]))
    .filter((u) => u.deactivatedAt === null && roles.has(u.id))
    .map((user) => ({ user, role: roles.get(user.id) }));
}

/**
 * Who may be named as a signatory for `orgId` on this document: its active members of that
 * organisation who hold signing authority. The list the UI offers and the server's check are
 * this one rule.
 */
export async function signatoryCandidates(store: ColleaguePorts, documentId: string, orgId: string) {
  return (await activeMembersOf(store, documentId, orgId)).filter((m) => m.user.signingAuthority).map((m) => m.user);
}

/** Who of `orgId` may approve on this document besides `exceptUserId` (the requester, under four eyes). */
export async function otherApprovers(store: ColleaguePorts, documentId: string, orgId: string, exceptUserId: string) {
  return (await activeMembersOf(store, documentId, orgId))
    .filter((m) => m.role !== undefined && canEditContent(m.role) && m.user.id !== exceptUserId)
    .map((m) => m.user);
}

/**
 * The chosen signatories, checked one by one (each exists, is active, belongs to the approving
 * organisation, is a member of the document and holds signing authority), in the order chosen.
 * Refused with the first that fails; nothing is written before this passes.
 */
export async function checkedSignatories(
  store: ColleaguePorts & Pick<AccountStore, "findUserById">,
  documentId: string,
  orgId: string,
  ids: readonly string[],
): Promise<UserRow[]> {
  const candidates = new Map((await signatoryCandidates(store, documentId, orgId)).map((u) => [u.id, u]));
  const chosen: UserRow[] = [];
  for (const id of ids) {
    const ok = candidates.get(id);
    if (ok) {
      chosen.push(ok);
      continue;
    }
    const user = await store.findUserById(id);
    // The id is cut: it is echoed in the message and may be anything a client sent.
    const who = `signatory ${id.slice(0, 64)}`;
    if (!user) throw invalidSignatory(`${who} is unknown`);
    if (user.deactivatedAt !== null) throw invalidSignatory(`${who} is deactivated`);
    if (user.orgId !== orgId) throw invalidSignatory(`${who} is not of the approving organisation`);
    if (!user.signingAuthority) throw invalidSignatory(`${who} holds no signing authority`);
    throw invalidSignatory(`${who} is not a member of this document`);
  }
  return chosen;
}
