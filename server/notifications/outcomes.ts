import type { NotificationKind } from "../../shared/api/notifications.ts";
import { milestoneOf } from "../../shared/milestones/templates.ts";
import type { AuditEntry, AuditStore } from "../store/ports/AuditStore.ts";
import type { DocumentStore } from "../store/ports/DocumentStore.ts";
import type { NewNotification, NotificationRow, NotificationStore } from "../store/ports/NotificationStore.ts";
import { type ChainReader, documentMilestones } from "../versions/milestones.ts";
import type { NotificationEvent } from "./events.ts";
import { excerptOf } from "./excerpt.ts";
import {
  approverRecipients,
  commentRecipients,
  type Member,
  memberRecipients,
  suggestionRecipients,
  threadRecipients,
} from "./recipients.ts";
import { lastTold } from "./toldBefore.ts";

/** What deciding and recording notifications reads and writes. */
export type NotificationPorts = ChainReader &
  Pick<DocumentStore, "listMembers"> &
  Pick<NotificationStore, "addNotifications" | "listNotifications"> &
  Pick<AuditStore, "appendAudit">;

/** What one event comes to: the entries to record, and an audit entry (a mention that notified nobody). */
export interface Outcome {
  notifications: NewNotification[];
  audit?: AuditEntry;
}

/**
 * Every entry's detail carries the same keys, so the inbox reads them alike: where it leads
 * (`threadId`, `replyId`, `versionId`, `milestone`) and a bounded `excerpt`; kinds add their
 * own (`orgId` of the suggesting party, `reason` of a rejection).
 */
type Detail = NewNotification["detail"];
const detailOf = (fields: Partial<Detail> & { excerpt: string }): Detail => ({
  threadId: null,
  replyId: null,
  versionId: null,
  milestone: null,
  ...fields,
});

/** One entry per recipient. */
const entries = (
  userIds: readonly string[],
  common: { documentId: string; kind: NotificationKind; actorId: string; detail: Detail },
  group: { groupKey: string; count: number } | null = null,
): NewNotification[] =>
  userIds.map((userId) => ({
    userId,
    ...common,
    groupKey: group?.groupKey ?? null,
    ...(group ? { count: group.count } : {}),
  }));

/** Who an event tells of what, and what to audit. */
export function outcomeOf(
  event: NotificationEvent,
  members: Member[],
  store: NotificationPorts,
): Promise<Outcome> | Outcome {
  switch (event.kind) {
    case "comment":
      return commentOutcome(event, members, store);
    case "resolution":
      return resolutionOutcome(event, members);
    case "suggestions":
      return suggestionOutcome(event, members, store);
    case "milestone_requested":
      return awaitingOutcome(event, members, store);
    case "milestone_decided":
      return decidedOutcome(event, members, store);
  }
}

type EventOf<K extends NotificationEvent["kind"]> = Extract<NotificationEvent, { kind: K }>;

async function commentOutcome(
  event: EventOf<"comment">,
  members: Member[],
  store: NotificationPorts,
): Promise<Outcome> {
  const { documentId, actorId, threadId, replyId } = event;
  const recipients = commentRecipients(members, event);
  const { ignored } = recipients;
  // Only those this comment has not told yet: an edit repeats the mentions it keeps, and a
  // comment written again as it was (a new map, which the policy lets through unchanged)
  // looks new to the reporter.
  const told = await toldOf(store, "mentioned", recipients.mentioned, event);
  const mentioned = recipients.mentioned.filter((id) => !told.has(id));
  const toldReply = await toldOf(store, "reply", recipients.replied, event);
  const replied = recipients.replied.filter((id) => !toldReply.has(id));
  const detail = detailOf({ threadId, replyId, excerpt: excerptOf(event.text) });
  return {
    notifications: [
      ...entries(mentioned, { documentId, kind: "mentioned", actorId, detail }),
      ...entries(replied, { documentId, kind: "reply", actorId, detail }),
    ],
    // How the server says that a mention notified nobody: the ids, never the text.
    ...(ignored.length > 0
      ? {
          audit: {
            userId: actorId,
            documentId,
            action: "notification.mention_ignored",
            detail: { threadId, replyId, userIds: ignored },
          },
        }
      : {}),
  };
}

/** Those of `userIds` already told of this comment as `kind` (mentioned them, replied to them). */
async function toldOf(
  store: NotificationPorts,
  kind: "mentioned" | "reply",
  userIds: readonly string[],
  comment: { documentId: string; threadId: string; replyId: string | null },
): Promise<Set<string>> {
  const told = new Set<string>();
  for (const userId of userIds) {
    const same = (n: NotificationRow) =>
      n.kind === kind &&
      n.documentId === comment.documentId &&
      n.detail.threadId === comment.threadId &&
      n.detail.replyId === comment.replyId;
    if (await lastTold(store, userId, same)) told.add(userId);
  }
  return told;
}

function resolutionOutcome(event: EventOf<"resolution">, members: Member[]): Outcome {
  const { documentId, actorId, threadId } = event;
  const kind = event.resolved ? "thread_resolved" : "thread_reopened";
  const detail = detailOf({ threadId, excerpt: excerptOf(event.text) });
  const recipients = threadRecipients(members, actorId, event.participants);
  return { notifications: entries(recipients, { documentId, kind, actorId, detail }) };
}

async function suggestionOutcome(
  event: EventOf<"suggestions">,
  members: Member[],
  store: ChainReader,
): Promise<Outcome> {
  const { documentId, actorId } = event;
  const doc = await store.findDocument(documentId);
  if (!doc || event.count < 1) return { notifications: [] };
  const parties = doc.parties.map((p) => p.orgId);
  const { orgId, userIds } = suggestionRecipients(members, parties, actorId);
  if (orgId === null) return { notifications: [] };
  // One unread entry per document and suggesting party, its count growing with each suggestion.
  const group = { groupKey: `suggestions:${documentId}:${orgId}`, count: event.count };
  const detail = detailOf({ orgId, excerpt: "" });
  return { notifications: entries(userIds, { documentId, kind: "suggestions", actorId, detail }, group) };
}

async function awaitingOutcome(
  event: EventOf<"milestone_requested">,
  members: Member[],
  store: ChainReader,
): Promise<Outcome> {
  const { documentId, actorId, versionId } = event;
  const { doc, states } = await documentMilestones(store, documentId);
  const state = states.find((s) => s.version.id === versionId);
  if (state?.status !== "pending") return { notifications: [] };
  const decided = new Set(state.approvals.map((a) => a.orgId));
  const deciding = state.requiredOrgs.filter((org) => !decided.has(org));
  const milestone = state.version.milestone;
  const detail = detailOf({
    versionId,
    milestone,
    excerpt: excerptOf(milestoneOf(doc.kind, milestone)?.label ?? milestone),
  });
  return {
    notifications: entries(approverRecipients(members, deciding, actorId), {
      documentId,
      kind: "milestone_awaiting",
      actorId,
      detail,
    }),
  };
}

/**
 * A decision that settles the milestone tells every member; one that leaves it pending (one
 * organisation of two approved) tells nobody anew: those still to decide were told when it was
 * requested, and the requester sees the approval in the versions panel.
 */
async function decidedOutcome(
  event: EventOf<"milestone_decided">,
  members: Member[],
  store: ChainReader,
): Promise<Outcome> {
  if (event.status === "pending") return { notifications: [] };
  const { documentId, actorId, versionId, milestone } = event;
  const doc = await store.findDocument(documentId);
  if (!doc) return { notifications: [] };
  const label = milestoneOf(doc.kind, milestone)?.label ?? milestone;
  const reason = event.status === "rejected" ? excerptOf(event.reason ?? "") : null;
  const detail = detailOf({ versionId, milestone, excerpt: reason ?? excerptOf(label), reason });
  const kind = event.status === "reached" ? "milestone_reached" : "milestone_rejected";
  return { notifications: entries(memberRecipients(members, actorId), { documentId, kind, actorId, detail }) };
}
