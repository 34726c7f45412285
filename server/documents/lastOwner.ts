import type { MembershipCheck } from "../store/ports/DocumentStore.ts";

/**
 * A document always keeps an owner: a change that demotes or removes the last one is
 * refused. The store runs this inside the change's transaction with the document row
 * locked, so two owners demoting each other at once cannot both pass.
 */
export const keepsAnOwner: MembershipCheck = (members, { userId, role }) => {
  const previous = members.find((m) => m.userId === userId)?.role;
  if (previous !== "owner" || role === "owner") return null;
  return members.filter((m) => m.role === "owner").length <= 1 ? "last_owner" : null;
};
