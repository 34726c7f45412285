import { z } from "zod";

/**
 * What Accord tells people (issue 16). The server decides who is told what; the client
 * only shows it. Kinds:
 * - `mentioned`: someone mentioned me in a comment or reply (by user id, never by text);
 * - `reply`: a reply in a thread I started or replied to;
 * - `thread_resolved` / `thread_reopened`: a thread I am in was resolved or reopened;
 * - `suggestions`: the other party made new suggestions (one unread entry per document and
 *   party, its `count` growing);
 * - `milestone_awaiting`: a milestone waits for my organisation's decision (to those who can decide);
 * - `milestone_reached` / `milestone_rejected`: with who decided and, for a rejection, why.
 */
export const NOTIFICATION_KINDS = [
  "mentioned",
  "reply",
  "thread_resolved",
  "thread_reopened",
  "suggestions",
  "milestone_awaiting",
  "milestone_reached",
  "milestone_rejected",
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

/** Where a notification leads: the document, and in it a thread or a version. */
export const NotificationTarget = z.object({
  documentId: z.string(),
  threadId: z.string().nullable(),
  versionId: z.string().nullable(),
});
export type NotificationTarget = z.infer<typeof NotificationTarget>;

/** One entry of the inbox (GET /api/notifications). */
export const NotificationItem = z.object({
  id: z.string(),
  kind: NotificationKind,
  documentId: z.string(),
  documentTitle: z.string(),
  /** Who caused it; null for the server (e.g. a milestone reached by the last approval of several). */
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  target: NotificationTarget,
  /** A short excerpt (comment text, milestone label, rejection reason), already bounded by the server. */
  excerpt: z.string(),
  /** The milestone's id, for milestone kinds. */
  milestone: z.string().nullable(),
  /** How many events this entry groups (the other party's suggestions); 1 otherwise. */
  count: z.number().int().min(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationItem = z.infer<typeof NotificationItem>;

/** GET /api/notifications: newest first, and the number unread (the bell's count). */
export const NotificationList = z.object({
  unread: z.number().int().min(0),
  items: z.array(NotificationItem),
});
export type NotificationList = z.infer<typeof NotificationList>;

/** POST /api/notifications/read: some entries by id, every entry of a document, or all. */
export const MarkRead = z.union([
  z.object({ ids: z.array(z.string().max(40)).min(1).max(500) }).strict(),
  z.object({ documentId: z.string().max(64) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkRead = z.infer<typeof MarkRead>;

/**
 * GET/PUT /api/notifications/settings: the inbox always gets everything; e-mail can be
 * switched off as a whole or per kind. At most one mail per document per 15 minutes.
 */
export const NotificationSettings = z
  .object({
    email: z.boolean(),
    /** Kinds with e-mail off (the inbox still shows them). */
    mutedKinds: z.array(NotificationKind).max(NOTIFICATION_KINDS.length),
  })
  .strict();
export type NotificationSettings = z.infer<typeof NotificationSettings>;

/** What waits for me in one document, shown in the document list. */
export const DocumentWaiting = z.object({
  /** A milestone awaits my organisation's decision and I may decide. */
  approval: z.boolean(),
  /** Unread replies to threads I am in, and mentions. */
  replies: z.number().int().min(0),
  /** Unread notifications of the other party's new suggestions (their grouped count). */
  suggestions: z.number().int().min(0),
});
export type DocumentWaiting = z.infer<typeof DocumentWaiting>;
