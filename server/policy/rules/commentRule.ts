import { type ReplyData, ThreadData } from "../../../shared/comments/model.ts";
import { canEditContent } from "../../../shared/roles.ts";
import type { Actor, AuditNote, Judgement, Validator } from "../Change.ts";

/** Fields fixed when a thread is created; nobody changes them later. */
const FIXED_THREAD_FIELDS = ["id", "authorId", "authorName", "orgId", "createdAt", "quote", "anchorStart", "anchorEnd"];
const FIXED_REPLY_FIELDS = ["id", "authorId", "authorName", "orgId", "createdAt"] as const;
const RESOLUTION_FIELDS = ["resolved", "resolvedBy", "resolvedAt"] as const;

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

/**
 * Comments are written under the author's own name only: new threads and replies must
 * carry the connection's user and organisation; only the author edits or deletes a
 * comment; only the author resolves or reopens a thread, except that owners and editors
 * resolve anyone's. Applies to every role, so nobody can comment under another's name.
 */
export const commentRule: Validator = (actor, change): Judgement => {
  const audit: AuditNote[] = [];
  try {
    for (const { id, before, after } of change.threads) {
      if (before === undefined) {
        if (after !== undefined) checkNewThread(actor, id, after);
      } else if (after === undefined) checkOwn(actor, parse(before), "delete another user's thread");
      else if (!same(before, after)) audit.push(...checkThreadChange(actor, parse(before), parse(after)));
    }
  } catch (err) {
    if (err instanceof Refusal) return { refuse: err.message };
    throw err;
  }
  return { audit };
};

function parse(value: unknown): ThreadData {
  const parsed = ThreadData.safeParse(value);
  return parsed.success ? parsed.data : refuse("malformed comment thread");
}

function checkNewThread(actor: Actor, id: string, value: unknown): void {
  const thread = parse(value);
  if (thread.id !== id) refuse("thread id does not match its key");
  checkAuthor(actor, thread);
  if (thread.resolved || thread.resolvedBy !== null) refuse("a new thread cannot be resolved");
  for (const reply of thread.replies) checkAuthor(actor, reply);
}

function checkThreadChange(actor: Actor, before: ThreadData, after: ThreadData): AuditNote[] {
  for (const field of FIXED_THREAD_FIELDS) {
    if (!same(before[field as keyof ThreadData], after[field as keyof ThreadData])) {
      refuse(`the ${field} of a thread cannot change`);
    }
  }
  // Mentions too (issue 16): a mention notifies people in the author's name.
  if (before.text !== after.text || before.editedAt !== after.editedAt || !same(before.mentions, after.mentions)) {
    checkOwn(actor, before, "edit another user's comment");
  }
  checkReplies(actor, before.replies, after.replies);
  if (RESOLUTION_FIELDS.every((f) => before[f] === after[f])) return [];
  if (!canEditContent(actor.role)) checkOwn(actor, before, "resolve or reopen another user's thread");
  if (after.resolved ? after.resolvedBy !== actor.user.id : after.resolvedBy !== null) {
    refuse("a thread is resolved in one's own name");
  }
  if (before.resolved === after.resolved) return [];
  return [{ action: after.resolved ? "comment.resolve" : "comment.reopen", detail: { threadId: after.id } }];
}

function checkReplies(actor: Actor, before: ReplyData[], after: ReplyData[]): void {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  if (now.size !== after.length) refuse("duplicate reply id");
  for (const [id, reply] of now) {
    const previous = old.get(id);
    if (!previous) checkAuthor(actor, reply);
    else if (!same(previous, reply)) {
      checkOwn(actor, previous, "edit another user's reply");
      for (const field of FIXED_REPLY_FIELDS)
        if (previous[field] !== reply[field]) refuse(`the ${field} of a reply cannot change`);
    }
  }
  for (const [id, reply] of old) if (!now.has(id)) checkOwn(actor, reply, "delete another user's reply");
}

function checkAuthor(actor: Actor, comment: { authorId: string; authorName: string; orgId: string }): void {
  const { user } = actor;
  if (comment.authorId !== user.id || comment.authorName !== user.name || comment.orgId !== user.orgId) {
    refuse("a comment must be written under one's own name");
  }
}

function checkOwn(actor: Actor, comment: { authorId: string }, what: string): void {
  if (comment.authorId !== actor.user.id) refuse(`cannot ${what}`);
}

/** Structural equality for JSON-like values with Uint8Array leaves. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return false;
}
