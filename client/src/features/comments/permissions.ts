import type { ThreadData } from "../../../../shared/comments/model.ts";
import { canEditContent, type Role } from "../../../../shared/roles.ts";

// What the UI offers mirrors the server's comment rule, which enforces it on every update.

/** Everyone but viewers may start threads and reply. */
export const canComment = (role: Role): boolean => role !== "viewer";

/** Authors resolve and reopen their own threads; owners and editors anyone's. */
export const canResolve = (role: Role, userId: string, thread: ThreadData): boolean =>
  canEditContent(role) || (canComment(role) && thread.authorId === userId);

/** Whether a comment is the user's own (only authors edit or delete their comments). */
export const isOwn = (userId: string, comment: { authorId: string }): boolean => comment.authorId === userId;
