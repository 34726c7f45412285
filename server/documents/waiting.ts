import type { DocumentWaiting, NotificationKind } from "../../shared/api/notifications.ts";
import { canEditContent, type Role } from "../../shared/roles.ts";
import type { ApprovalRow, VersionHead } from "../store/ports/VersionStore.ts";

/** The pending milestone as `milestoneStates` reports it (`lock`). */
export interface PendingMilestone {
  version: Pick<VersionHead, "frozenBy">;
  template: { fourEyes?: boolean } | null;
  requiredOrgs: readonly string[];
  approvals: readonly Pick<ApprovalRow, "orgId">[];
}

/** Unread counts of one document, by kind (from `unreadByDocument`). */
export type UnreadCounts = ReadonlyMap<NotificationKind, number>;

/**
 * A milestone waits for this person: their organisation must decide and has not, and they
 * may decide for it (owner or editor, as `decide` requires). The requester of a four-eyes
 * milestone cannot approve it, so it does not wait for them.
 */
export function awaitsDecisionOf(
  pending: PendingMilestone | null,
  person: { id: string; orgId: string; role: Role },
): boolean {
  if (!pending?.template || !canEditContent(person.role)) return false;
  if (!pending.requiredOrgs.includes(person.orgId)) return false;
  if (pending.approvals.some((a) => a.orgId === person.orgId)) return false;
  return !(pending.template.fourEyes && pending.version.frozenBy === person.id);
}

/** What waits for a person in one document: a decision, unread replies and mentions, the other party's suggestions. */
export function waitingOf(
  pending: PendingMilestone | null,
  person: { id: string; orgId: string; role: Role },
  unread: UnreadCounts,
): DocumentWaiting {
  return {
    approval: awaitsDecisionOf(pending, person),
    replies: (unread.get("reply") ?? 0) + (unread.get("mentioned") ?? 0),
    suggestions: unread.get("suggestions") ?? 0,
  };
}

/** `unreadByDocument`'s rows as counts per document and kind. */
export function unreadCountsByDocument(
  rows: readonly { documentId: string; kind: NotificationKind; count: number }[],
): ReadonlyMap<string, UnreadCounts> {
  const byDocument = new Map<string, Map<NotificationKind, number>>();
  for (const r of rows) {
    const counts = byDocument.get(r.documentId) ?? new Map<NotificationKind, number>();
    counts.set(r.kind, (counts.get(r.kind) ?? 0) + r.count);
    byDocument.set(r.documentId, counts);
  }
  return byDocument;
}
