import * as random from "lib0/random";
import * as Y from "yjs";
import { z } from "zod";

/**
 * Comment threads live in the document's Y.Doc, beside the content, so they sync live and
 * work offline like the text. Layout (all values primitive except `replies`):
 *
 *   doc.getMap("comments"): threadId → Y.Map {
 *     id, authorId, authorName, orgId, createdAt, text, quote,
 *     anchorStart, anchorEnd   (Y.RelativePosition, encoded, into the content fragment)
 *     resolved, resolvedBy, resolvedAt, editedAt, mentions?,
 *     replies: Y.Array<Y.Map { id, authorId, authorName, orgId, createdAt, text, editedAt, mentions? }>
 *   }
 *
 * `mentions` (optional: comments written before issue 16 have none) are the user ids of
 * the people an "@Name" in the text names, chosen from the document's members; the text
 * keeps the names as the author saw them. Who is notified is decided by the server.
 *
 * The server's policy reads the same layout to decide who may change what.
 */
export const COMMENTS_FIELD = "comments";

/** Who wrote a comment, as the session authenticated them. */
export interface CommentAuthor {
  id: string;
  name: string;
  orgId: string;
}

const Id = z.string().min(1).max(64);
const Time = z.iso.datetime();
const Text = z.string().max(10_000);
/** The people a comment mentions, by user id: unique, a few at most. */
export const MAX_MENTIONS = 20;
const Mentions = z
  .array(Id)
  .max(MAX_MENTIONS)
  .refine((ids) => new Set(ids).size === ids.length, "duplicate mention")
  .optional();

export const ReplyData = z
  .object({
    id: Id,
    authorId: Id,
    authorName: z.string().max(200),
    orgId: Id,
    createdAt: Time,
    text: Text.min(1),
    editedAt: Time.nullable(),
    mentions: Mentions,
  })
  .strict();
export type ReplyData = z.infer<typeof ReplyData>;

export const ThreadData = z
  .object({
    id: Id,
    authorId: Id,
    authorName: z.string().max(200),
    orgId: Id,
    createdAt: Time,
    text: Text.min(1),
    quote: z.string().max(2_000),
    anchorStart: z.instanceof(Uint8Array),
    anchorEnd: z.instanceof(Uint8Array),
    resolved: z.boolean(),
    resolvedBy: Id.nullable(),
    resolvedAt: Time.nullable(),
    editedAt: Time.nullable(),
    mentions: Mentions,
    replies: z.array(ReplyData).max(500),
  })
  .strict();
export type ThreadData = z.infer<typeof ThreadData>;

/** The threads map of a document. */
export const commentsOf = (doc: Y.Doc): Y.Map<Y.Map<unknown>> => doc.getMap(COMMENTS_FIELD);

/** All threads as plain data; entries that do not match the layout are skipped. */
export function readThreads(doc: Y.Doc): ThreadData[] {
  const threads: ThreadData[] = [];
  for (const value of commentsOf(doc).values()) {
    if (!(value instanceof Y.Map)) continue;
    const parsed = ThreadData.safeParse(value.toJSON());
    if (parsed.success) threads.push(parsed.data);
  }
  return threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

const now = () => new Date().toISOString();

/** A random id for threads and replies. */
export const newCommentId = (): string => random.uuidv4();

/** Starts a thread on the passage between two relative positions of the content. */
export function createThread(
  doc: Y.Doc,
  input: {
    author: CommentAuthor;
    text: string;
    quote: string;
    anchorStart: Uint8Array;
    anchorEnd: Uint8Array;
    /** User ids of the members an "@Name" in the text names. */
    mentions?: readonly string[];
    /** Normally generated; given only by seeding and tests. */
    id?: string;
  },
): string {
  const id = input.id ?? newCommentId();
  const thread = new Y.Map<unknown>();
  doc.transact(() => {
    thread.set("id", id);
    thread.set("authorId", input.author.id);
    thread.set("authorName", input.author.name);
    thread.set("orgId", input.author.orgId);
    thread.set("createdAt", now());
    thread.set("text", input.text);
    thread.set("quote", input.quote);
    thread.set("anchorStart", input.anchorStart);
    thread.set("anchorEnd", input.anchorEnd);
    thread.set("resolved", false);
    thread.set("resolvedBy", null);
    thread.set("resolvedAt", null);
    thread.set("editedAt", null);
    if (input.mentions?.length) thread.set("mentions", [...new Set(input.mentions)]);
    thread.set("replies", new Y.Array<Y.Map<unknown>>());
    commentsOf(doc).set(id, thread);
  });
  return id;
}

function thread(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const t = commentsOf(doc).get(threadId);
  if (!t) throw new Error(`no thread ${threadId}`);
  return t;
}

function replies(doc: Y.Doc, threadId: string): Y.Array<Y.Map<unknown>> {
  return thread(doc, threadId).get("replies") as Y.Array<Y.Map<unknown>>;
}

/** Adds a reply to a thread. */
export function addReply(
  doc: Y.Doc,
  threadId: string,
  author: CommentAuthor,
  text: string,
  mentions: readonly string[] = [],
): string {
  const id = newCommentId();
  const reply = new Y.Map<unknown>();
  doc.transact(() => {
    reply.set("id", id);
    reply.set("authorId", author.id);
    reply.set("authorName", author.name);
    reply.set("orgId", author.orgId);
    reply.set("createdAt", now());
    reply.set("text", text);
    reply.set("editedAt", null);
    if (mentions.length) reply.set("mentions", [...new Set(mentions)]);
    replies(doc, threadId).push([reply]);
  });
  return id;
}

/** Resolves or reopens a thread. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: CommentAuthor): void {
  const t = thread(doc, threadId);
  doc.transact(() => {
    t.set("resolved", resolved);
    t.set("resolvedBy", resolved ? by.id : null);
    t.set("resolvedAt", resolved ? now() : null);
  });
}

/** Changes the text of a thread's opening comment. */
export function editThreadText(doc: Y.Doc, threadId: string, text: string, mentions?: readonly string[]): void {
  const t = thread(doc, threadId);
  doc.transact(() => {
    t.set("text", text);
    t.set("editedAt", now());
    if (mentions) t.set("mentions", [...new Set(mentions)]);
  });
}

/** Changes the text of a reply. */
export function editReply(
  doc: Y.Doc,
  threadId: string,
  replyId: string,
  text: string,
  mentions?: readonly string[],
): void {
  const reply = replies(doc, threadId)
    .toArray()
    .find((r) => r.get("id") === replyId);
  if (!reply) throw new Error(`no reply ${replyId}`);
  doc.transact(() => {
    reply.set("text", text);
    reply.set("editedAt", now());
    if (mentions) reply.set("mentions", [...new Set(mentions)]);
  });
}

/** Deletes a whole thread. */
export function deleteThread(doc: Y.Doc, threadId: string): void {
  commentsOf(doc).delete(threadId);
}

/** Deletes one reply. */
export function deleteReply(doc: Y.Doc, threadId: string, replyId: string): void {
  const list = replies(doc, threadId);
  const index = list.toArray().findIndex((r) => r.get("id") === replyId);
  if (index >= 0) list.delete(index, 1);
}
