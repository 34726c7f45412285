import { canEditContent, type Role } from "../../shared/roles.ts";

/** A member of the document as the recipient rules see them. */
export interface Member {
  userId: string;
  role: Role;
  orgId: string;
}

// Every rule picks from the document's current members and never the actor: a client's
// claim (a mention, a participant) only narrows who among them is told.

const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * Who a new or edited comment tells: the mentioned members, and for a new reply the
 * thread's author and earlier repliers (those mentioned are told once, as mentioned).
 * Mentioned ids of non-members are `ignored`: nobody is told, the caller says so.
 */
export function commentRecipients(
  members: readonly Member[],
  comment: {
    actorId: string;
    mentions: readonly string[];
    created: boolean;
    replyId: string | null;
    participants: readonly string[];
  },
): { mentioned: string[]; replied: string[]; ignored: string[] } {
  const memberIds = new Set(members.map((m) => m.userId));
  const others = unique(comment.mentions).filter((id) => id !== comment.actorId);
  const mentioned = others.filter((id) => memberIds.has(id));
  const ignored = others.filter((id) => !memberIds.has(id));
  const isNewReply = comment.created && comment.replyId !== null;
  const replied = isNewReply
    ? unique(comment.participants).filter(
        (id) => id !== comment.actorId && memberIds.has(id) && !mentioned.includes(id),
      )
    : [];
  return { mentioned, replied, ignored };
}

/** Who hears that a thread was resolved or reopened: its author and repliers who are members, but not the actor. */
export function threadRecipients(
  members: readonly Member[],
  actorId: string,
  participants: readonly string[],
): string[] {
  const memberIds = new Set(members.map((m) => m.userId));
  return unique(participants).filter((id) => id !== actorId && memberIds.has(id));
}

/**
 * Who hears of a member's new suggestions: the members of the document's other parties
 * (not the suggester's organisation, nor organisations that are no party). `orgId` is the
 * suggester's organisation, null when they are no member (then nobody is told).
 */
export function suggestionRecipients(
  members: readonly Member[],
  parties: readonly string[],
  actorId: string,
): { orgId: string | null; userIds: string[] } {
  const orgId = members.find((m) => m.userId === actorId)?.orgId ?? null;
  if (orgId === null) return { orgId, userIds: [] };
  const userIds = members
    .filter((m) => m.orgId !== orgId && parties.includes(m.orgId) && m.userId !== actorId)
    .map((m) => m.userId);
  return { orgId, userIds };
}

/**
 * Who may decide a milestone for the organisations still to decide: their owners and
 * editors on this document, as `decide` in server/versions/milestones.ts allows, but not
 * the requester (who, under four eyes, cannot approve anyway).
 */
export function approverRecipients(
  members: readonly Member[],
  decidingOrgs: readonly string[],
  actorId: string,
): string[] {
  return members
    .filter((m) => canEditContent(m.role) && decidingOrgs.includes(m.orgId) && m.userId !== actorId)
    .map((m) => m.userId);
}

/** Who hears that a milestone was reached or rejected: every member but the one who decided. */
export function memberRecipients(members: readonly Member[], actorId: string): string[] {
  return members.filter((m) => m.userId !== actorId).map((m) => m.userId);
}
