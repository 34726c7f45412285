import type { Member, PutMemberRequest } from "../../shared/api/schemas.ts";
import { forbidden, lastOwner, notFound } from "../errors.ts";
import type { Store } from "../store/Store.ts";
import { openDocument } from "./documents.ts";

/** Told when a user's access to a document changed, so their open connections can be renewed. */
export type AccessChanged = (documentId: string, userId: string) => void;

/** The members of a document; any member may see them. */
export async function listMembers(store: Store, documentId: string, actorId: string): Promise<Member[]> {
  await openDocument(store, documentId, actorId);
  return (await store.listMembers(documentId)).map(({ userId, email, name, orgId, role }) => ({
    userId,
    email,
    name,
    orgId,
    role,
  }));
}

async function requireOwner(store: Store, documentId: string, actorId: string): Promise<void> {
  const { role } = await openDocument(store, documentId, actorId);
  if (role !== "owner") throw forbidden("only owners manage members");
}

async function isLastOwner(store: Store, documentId: string, userId: string): Promise<boolean> {
  const owners = (await store.listMembers(documentId)).filter((m) => m.role === "owner");
  return owners.length === 1 && owners[0]?.userId === userId;
}

/** Adds a user of either organisation by e-mail, or changes their role; owners only. */
export async function putMember(
  store: Store,
  changed: AccessChanged,
  documentId: string,
  actorId: string,
  { email, role }: PutMemberRequest,
): Promise<Member[]> {
  await requireOwner(store, documentId, actorId);
  const user = await store.findUserByEmail(email);
  if (!user) throw notFound(`user with e-mail ${email}`);
  const previous = await store.roleOf(documentId, user.id);
  if (previous === role) return listMembers(store, documentId, actorId);
  if (previous === "owner" && (await isLastOwner(store, documentId, user.id))) throw lastOwner();
  await store.setMembership({ documentId, userId: user.id, role });
  await store.appendAudit({
    userId: actorId,
    documentId,
    action: previous ? "member.role" : "member.add",
    detail: { memberId: user.id, email: user.email, from: previous, to: role },
  });
  if (previous) changed(documentId, user.id);
  return listMembers(store, documentId, actorId);
}

/** Removes a member; owners only; the last owner stays. */
export async function removeMember(
  store: Store,
  changed: AccessChanged,
  documentId: string,
  actorId: string,
  userId: string,
): Promise<void> {
  await requireOwner(store, documentId, actorId);
  const previous = await store.roleOf(documentId, userId);
  if (!previous) throw notFound("member");
  if (previous === "owner" && (await isLastOwner(store, documentId, userId))) throw lastOwner();
  await store.removeMembership(documentId, userId);
  await store.appendAudit({
    userId: actorId,
    documentId,
    action: "member.remove",
    detail: { memberId: userId, from: previous },
  });
  changed(documentId, userId);
}
