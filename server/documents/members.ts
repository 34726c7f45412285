import type { Member, MemberCandidate, PutMemberRequest } from "../../shared/api/schemas.ts";
import type { Role } from "../../shared/roles.ts";
import { forbidden, lastOwner, notFound } from "../errors.ts";
import type { AccountStore } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import { type DocumentReader, openDocument } from "./documents.ts";
import { keepsAnOwner } from "./lastOwner.ts";

/** What managing members needs: the document, the users to add, the audit log. */
type MemberPorts = DocumentReader & Pick<AccountStore, "findUserById" | "listUsersOf"> & AuditStore;

/** Told when a user's access to a document changed, so their open connections can be renewed. */
export type AccessChanged = (documentId: string, userId: string) => void;

/** The members of a document; any member may see them. */
export async function listMembers(store: MemberPorts, documentId: string, actorId: string): Promise<Member[]> {
  await openDocument(store, documentId, actorId);
  return (await store.listMembers(documentId)).map(({ userId, email, name, orgId, role }) => ({
    userId,
    email,
    name,
    orgId,
    role,
  }));
}

async function requireOwner(store: MemberPorts, documentId: string, actorId: string) {
  const summary = await openDocument(store, documentId, actorId);
  if (summary.role !== "owner") throw forbidden("only owners manage members");
  return summary;
}

/**
 * Whom an owner may add: the active users of the document's party organisations who are not
 * members yet, by name. The directory of other organisations stays out of reach.
 */
export async function listCandidates(
  store: MemberPorts,
  documentId: string,
  actorId: string,
): Promise<MemberCandidate[]> {
  const { parties } = await requireOwner(store, documentId, actorId);
  const members = new Set((await store.listMembers(documentId)).map((m) => m.userId));
  const users = await store.listUsersOf(parties.map((p) => p.orgId));
  return users
    .filter((u) => u.deactivatedAt === null && !members.has(u.id))
    .map(({ id, name, email, orgId }) => ({ id, name, email, orgId }))
    .sort((a, b) => a.name.localeCompare(b.name, "de") || a.id.localeCompare(b.id));
}

/**
 * Sets or removes a membership, audits it and renews the member's open connections.
 * The last-owner rule (`keepsAnOwner`) runs inside the store's transaction, so two owners
 * demoting each other at once cannot leave the document without one.
 */
async function change(
  store: MemberPorts,
  changed: AccessChanged,
  documentId: string,
  actorId: string,
  member: { id: string; email: string },
  role: Role | null,
): Promise<void> {
  const result = await store.changeMembership(documentId, member.id, role, keepsAnOwner);
  if (!result.ok) throw lastOwner();
  const { previous } = result;
  if (previous === role) return;
  await store.appendAudit({
    userId: actorId,
    documentId,
    subjectId: member.id,
    action: role === null ? "member.remove" : previous === null ? "member.add" : "member.role",
    detail: { memberId: member.id, email: member.email, from: previous, to: role },
  });
  // A connection keeps the role it was opened with; closing it makes the client reconnect with the new one.
  if (previous !== null) changed(documentId, member.id);
}

/**
 * Adds a candidate (`listCandidates`) or changes a member's role; owners only. An unknown
 * id, a deactivated user and a user of another organisation than the parties' get the same
 * 404, so the answer tells an owner nothing the candidate list did not.
 */
export async function putMember(
  store: MemberPorts,
  changed: AccessChanged,
  documentId: string,
  actorId: string,
  { userId, role }: PutMemberRequest,
): Promise<Member[]> {
  const { parties } = await requireOwner(store, documentId, actorId);
  const user = await store.findUserById(userId);
  const isMember = user !== null && (await store.roleOf(documentId, user.id)) !== null;
  const isCandidate = user?.deactivatedAt === null && parties.some((p) => p.orgId === user.orgId);
  if (!user || !(isMember || isCandidate)) throw notFound("candidate");
  await change(store, changed, documentId, actorId, user, role);
  return listMembers(store, documentId, actorId);
}

/** Removes a member; owners only; the last owner stays. */
export async function removeMember(
  store: MemberPorts,
  changed: AccessChanged,
  documentId: string,
  actorId: string,
  userId: string,
): Promise<void> {
  await requireOwner(store, documentId, actorId);
  const user = await store.findUserById(userId);
  if (!user || !(await store.roleOf(documentId, userId))) throw notFound("member");
  await change(store, changed, documentId, actorId, user, null);
}
