import type { User } from "../../../../shared/api/schemas.ts";
import type { CommentAuthor } from "../../../../shared/comments/model.ts";

/** The author fields a comment stores: exactly these, never the rest of the signed-in user (e-mail). */
export const commentAuthorOf = (user: User): CommentAuthor => ({ id: user.id, name: user.name, orgId: user.orgId });
