import * as Y from "yjs";
import { commentsOf, type ReplyData, ThreadData } from "../../shared/comments/model.ts";
import type { AuditNote } from "../policy/Change.ts";
import type { NotificationEvent } from "./events.ts";
import { isNew } from "./newItems.ts";

type CommentEvent = Extract<NotificationEvent, { kind: "comment" }>;
type ResolutionEvent = Extract<NotificationEvent, { kind: "resolution" }>;

/** What one new item in the comments map means, before it is turned into an event. */
type Touch =
  | { what: "thread"; threadId: string }
  | { what: "reply"; threadId: string; replyId: string }
  | { what: "mentions"; threadId: string; replyId: string | null };

/**
 * The comment events of an accepted edit, from the items it added to the comments map:
 * a new thread, a new reply, new `mentions` on an existing comment (an edit). Authorship
 * was checked by commentRule before the live doc took the change, so the author of a new
 * comment is the actor.
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
  // Each thread read once: an update can touch all of a long thread's replies (even with no-op
  // writes the policy lets through), and reading the thread per touch would be quadratic.
  const threads = new Map<string, ThreadData | null>();
  const threadOf = (id: string): ThreadData | null => {
    if (!threads.has(id)) {
      const parsed = ThreadData.safeParse(comments.get(id)?.toJSON());
      threads.set(id, parsed.success ? parsed.data : null);
    }
    return threads.get(id) ?? null;
  };
  const events: CommentEvent[] = [];
  for (const touch of touches.values()) {
    const thread = threadOf(touch.threadId);
    if (!thread) continue;
    const event = eventOf(touch, thread, at);
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
    return item.parentSub === "mentions" ? { what: "mentions", threadId, replyId: null } : null;
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
  const replyId = touch.what === "thread" ? null : touch.replyId;
  const index = replyId === null ? -1 : thread.replies.findIndex((r) => r.id === replyId);
  const comment: ThreadData | ReplyData | undefined = replyId === null ? thread : thread.replies[index];
  // A new comment and a real change of its mentions are the author's own (commentRule). What
  // else passes is a write that changed nothing (mentions set again, a thread map replaced by an
  // identical one), and reports nothing.
  if (!comment || comment.authorId !== at.actorId) return null;
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

/**
 * The threads an accepted edit resolved or reopened, from the notes commentRule made of it
 * (`comment.resolve`, `comment.reopen`): only a real change is noted, so writing a thread's
 * resolution again as it was (which the rule lets anyone through, as nothing changed) reports
 * nothing. The server's copy keeps no earlier value to compare with.
 */
export function resolutionEvents(
  doc: Y.Doc,
  notes: readonly AuditNote[],
  at: { documentId: string; actorId: string },
): ResolutionEvent[] {
  const events: ResolutionEvent[] = [];
  for (const note of notes) {
    if (note.action !== "comment.resolve" && note.action !== "comment.reopen") continue;
    const parsed = ThreadData.safeParse(commentsOf(doc).get(String(note.detail.threadId))?.toJSON());
    if (!parsed.success) continue;
    const thread = parsed.data;
    events.push({
      ...at,
      kind: "resolution",
      threadId: thread.id,
      resolved: note.action === "comment.resolve",
      participants: participantsOf(thread),
      text: thread.text,
    });
  }
  return events;
}

const participantsOf = (thread: ThreadData, before = thread.replies.length): string[] => [
  ...new Set([thread.authorId, ...thread.replies.slice(0, before).map((r) => r.authorId)]),
];
