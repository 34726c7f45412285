import type { notificationsDe } from "./notifications.de.ts";
import type { Translation } from "./Translation.ts";

/** English texts of notifications: mentions, the inbox, what waits per document, the e-mail settings. */
export const notificationsEn: Pick<Translation, keyof typeof notificationsDe> = {
  mentions: {
    listLabel: "Members you can mention",
    noMatch: "No member of that name",
    mention: "Mention of {{name}}",
    notMember: "not notified (not a member)",
  },
  inbox: {
    bell_one: "{{count}} unread notification",
    bell_other: "{{count}} unread notifications",
    bellNone: "Notifications, none unread",
    heading: "Notifications",
    empty: "No notifications.",
    markAll: "mark all as read",
    unread: "unread",
    close: "Close",
    failed: "The notifications could not be loaded.",
    system: "Accord",
    kinds: {
      mentioned: "{{actor}} mentioned you",
      reply: "{{actor}} replied",
      thread_resolved: "{{actor}} resolved a discussion",
      thread_reopened: "{{actor}} reopened a discussion",
      suggestions_one: "{{actor}}: {{count}} new suggestion",
      suggestions_other: "{{actor}}: {{count}} new suggestions",
      milestone_awaiting: "Awaits your decision: {{milestone}}",
      milestone_reached: "Milestone reached: {{milestone}}",
      milestone_rejected: "{{actor}} rejected: {{milestone}}",
    },
  },
  waiting: {
    label: "Waiting for you",
    approval: "Approval pending",
    approvalHint: "A milestone awaits your organisation's decision.",
    replies_one: "{{count}} reply",
    replies_other: "{{count}} replies",
    suggestions_one: "{{count}} new suggestion",
    suggestions_other: "{{count}} new suggestions",
  },
  notificationSettings: {
    heading: "Notifications",
    intro:
      "The inbox (the bell at the top) shows everything. By e-mail you get at most one message per document and quarter of an hour.",
    email: "Also notify me by e-mail",
    perKind: "By e-mail for",
    save: "Save settings",
    saved: "The settings are saved.",
    unavailable: "The notification settings are not available at the moment.",
    kinds: {
      mentioned: "mentions",
      reply: "replies",
      thread_resolved: "resolved discussions",
      thread_reopened: "reopened discussions",
      suggestions: "new suggestions of the other party",
      milestone_awaiting: "milestones awaiting your decision",
      milestone_reached: "milestones reached",
      milestone_rejected: "milestones rejected",
    },
  },
};
