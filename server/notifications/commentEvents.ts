import * as Y from "yjs";
import { commentsOf, type ReplyData, ThreadData } from "../../shared/comments/model.ts";
import type { NotificationEvent } from "./events.ts";
import { isNew } from "./newItems.ts";

type CommentEvent = Extract<NotificationEvent, { kind: "comment" | "resolution" }>;

/** What one new item in the comments map means, before it is turned into an event. */
type Touch =
  | { what: "thread"; threadId: string }
  | { what: "reply"; threadId: string; replyId: string }
  | { what: "mentions"; threadId: string; replyId: string | null }
  | { what: "resolved"; threadId: string };

/**
 * The comment events of an accepted edit, from the items it added to the comments map:
 * a new thread, a new reply, new `mentions` on an existing comment (an edit), a new
 * `resolved` on an existing thread. Authorship was checked by commentRule before the live
 * doc took the change, so the author of a new comment is the actor.
 */
export function commentEvents(
  tr: Y.Transaction,
  items: readonly Y.Item[],
  at: { documentId: string; actorId: string },
): CommentEvent[] {
  const comments = commentsOf(tr.doc);
  const touches = new Map<string, Touch>();
  for (const item of items) {
    const touch = touchOf(tr, comments, item);
    if (touch) touches.set(JSON.stringify(touch), touch);
  }
  const events: CommentEvent[] = [];
  for (const touch of touches.values()) {
    const thread = ThreadData.safeParse(comments.get(touch.threadId)?.toJSON());
    if (!thread.success) continue;
    const event = eventOf(touch, thread.data, at);
    if (event) events.push(event);
  }
  return events;
}

function touchOf(tr: Y.Transaction, comments: Y.Map<Y.Map<unknown>>, item: Y.Item): Touch | null {
  const parent = item.parent;
  if (parent === comments) {
    const threadId = item.parentSub;
    return threadId && item.content instanceof Y.ContentType ? { what: "thread", threadId } : null;
  }
  if (!(parent instanceof Y.AbstractType) || !parent._item || isNew(tr, parent._item)) return null;
  // A key set on an existing thread's map.
  if (parent._item.parent === comments && parent._item.parentSub) {
    const threadId = parent._item.parentSub;
    if (item.parentSub === "mentions") return { what: "mentions", threadId, replyId: null };
    if (item.parentSub === "resolved") return { what: "resolved", threadId };
    return null;
  }
  const threadItem = (parent._item.parent as Y.AbstractType<unknown>)._item;
  // A reply added to an existing thread's replies.
  if (parent instanceof Y.Array && parent._item.parentSub === "replies" && threadItem?.parent === comments) {
    const reply = item.content instanceof Y.ContentType ? item.content.type : null;
    const replyId = reply instanceof Y.Map ? reply.get("id") : null;
    return typeof replyId === "string" && threadItem.parentSub
      ? { what: "reply", threadId: threadItem.parentSub, replyId }
      : null;
  }
  // New mentions on an existing reply.
  const repliesItem = threadItem;
  const thread = repliesItem?.parent as Y.AbstractType<unknown> | undefined;
  if (parent instanceof Y.Map && item.parentSub === "mentions" && repliesItem?.parentSub === "replies") {
    const threadId = thread?._item?.parent === comments ? thread._item.parentSub : null;
    const replyId = parent.get("id");
    return threadId && typeof replyId === "string" ? { what: "mentions", threadId, replyId } : null;
  }
  return null;
}

function eventOf(touch: Touch, thread: ThreadData, at: { documentId: string; actorId: string }): CommentEvent | null {
  const base = { ...at, threadId: thread.id };
  if (touch.what === "resolved") {
    return {
      ...base,
      kind: "resolution",
      resolved: thread.resolved,
      participants: participantsOf(thread),
      text: thread.text,
    };
  }
  const replyId = touch.what === "thread" ? null : touch.replyId;
  const index = replyId === null ? -1 : thread.replies.findIndex((r) => r.id === replyId);
  const comment: ThreadData | ReplyData | undefined = replyId === null ? thread : thread.replies[index];
  if (!comment) return null;
  return {
    ...base,
    kind: "comment",
    replyId,
    mentions: comment.mentions ?? [],
    created: touch.what !== "mentions",
    text: comment.text,
    // Those in the thread before this comment: its author and the earlier repliers.
    participants: replyId === null ? [] : participantsOf(thread, index),
  };
}

const participantsOf = (thread: ThreadData, before = thread.replies.length): string[] => [
  ...new Set([thread.authorId, ...thread.replies.slice(0, before).map((r) => r.authorId)]),
];
