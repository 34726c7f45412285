import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import {
  addReply,
  type CommentAuthor,
  deleteReply,
  deleteThread,
  setResolved,
  type ThreadData,
} from "../../../shared/comments/model.ts";
import type { Role } from "../../../shared/roles.ts";
import { organisationLook } from "../collab/organisation.ts";
import { formatDateTime } from "../features/documents/formatDateTime.ts";
import { canComment, canResolve, isOwn } from "./permissions.ts";

interface ThreadCardProps {
  thread: ThreadData;
  ydoc: Y.Doc;
  me: CommentAuthor;
  role: Role;
  orphaned: boolean;
  focused: boolean;
  onFocus: () => void;
}

/** One thread: the opening comment, its replies, and what the user may do with them. */
export function ThreadCard({ thread, ydoc, me, role, orphaned, focused, onFocus }: ThreadCardProps) {
  const { t, i18n } = useTranslation();
  const [reply, setReply] = useState("");
  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    addReply(ydoc, thread.id, me, reply.trim());
    setReply("");
  };
  const org = (orgId: string) => organisationLook(orgId, orgId).shortName;

  return (
    <li
      className={`thread${focused ? " thread--focused" : ""}${thread.resolved ? " thread--resolved" : ""}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={String(thread.resolved)}
      data-orphaned={String(orphaned)}
    >
      <button type="button" className="thread__focus" onClick={onFocus}>
        <span className="thread__quote">
          {orphaned && <span className="badge">{t("comments.orphaned")}</span>} «{thread.quote}»
        </span>
      </button>
      <p className="thread__meta">
        <strong>{thread.authorName}</strong> ({org(thread.orgId)}) · {formatDateTime(thread.createdAt, i18n.language)}
        {thread.resolved && <span className="badge"> {t("comments.resolved")}</span>}
      </p>
      <p className="thread__text" data-testid="comment-text">
        {thread.text}
      </p>
      <ul className="thread__replies">
        {thread.replies.map((r) => (
          <li key={r.id} data-testid="comment-reply">
            <p className="thread__meta">
              <strong>{r.authorName}</strong> ({org(r.orgId)}) · {formatDateTime(r.createdAt, i18n.language)}
              {canComment(role) && isOwn(me.id, r) && (
                <button type="button" className="link-button" onClick={() => deleteReply(ydoc, thread.id, r.id)}>
                  {t("comments.delete")}
                </button>
              )}
            </p>
            <p className="thread__text">{r.text}</p>
          </li>
        ))}
      </ul>
      {canComment(role) && !thread.resolved && (
        <form className="thread__reply" onSubmit={submitReply}>
          <textarea
            value={reply}
            onChange={(e) => setReply(e.target.value)}
            placeholder={t("comments.replyPlaceholder")}
            aria-label={t("comments.reply")}
            rows={2}
            data-testid="reply-input"
          />
          <button type="submit" className="button button--small" data-testid="reply-submit" disabled={!reply.trim()}>
            {t("comments.reply")}
          </button>
        </form>
      )}
      <div className="thread__actions">
        {canResolve(role, me.id, thread) && (
          <button
            type="button"
            className="button button--small"
            data-testid="resolve-button"
            onClick={() => setResolved(ydoc, thread.id, !thread.resolved, me)}
          >
            {thread.resolved ? t("comments.reopen") : t("comments.resolve")}
          </button>
        )}
        {canComment(role) && isOwn(me.id, thread) && (
          <button
            type="button"
            className="link-button"
            data-testid="delete-button"
            onClick={() => deleteThread(ydoc, thread.id)}
          >
            {t("comments.delete")}
          </button>
        )}
      </div>
    </li>
  );
}
