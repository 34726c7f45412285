import type { TFunction } from "i18next";
import type { NotificationItem } from "../../../../shared/api/notifications.ts";
import { milestoneName } from "../../lib/milestoneText.ts";
import type { Route } from "../../routing/route.ts";

const MILESTONE_KINDS = new Set(["milestone_awaiting", "milestone_reached", "milestone_rejected"]);

/** What happened, in one line: who did what ("Andrea Meier hat Sie erwähnt"). */
export function notificationTitle(t: TFunction, item: NotificationItem): string {
  const actor = item.actor?.name ?? t("inbox.system");
  const milestone = item.milestone ? milestoneName(t, item.milestone, item.excerpt || item.milestone) : item.excerpt;
  return t(`inbox.kinds.${item.kind}`, { actor, milestone, count: item.count });
}

/** The excerpt under the title: the comment's words; milestones are named in the title already. */
export const notificationExcerpt = (item: NotificationItem): string =>
  MILESTONE_KINDS.has(item.kind) && item.kind !== "milestone_rejected" ? "" : item.excerpt;

/** Where an entry leads: the thread, the version (in the versions panel), or the document. */
export function notificationRoute(item: NotificationItem): Route {
  const { documentId, threadId, versionId } = item.target;
  if (threadId) return { page: "document", documentId, threadId };
  if (versionId) return { page: "document", documentId, versionId };
  return { page: "document", documentId };
}
