import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  addReply,
  deleteReply,
  deleteThread,
  editReply,
  editThreadText,
  setResolved,
  type ThreadData,
} from "../../../../shared/comments/model.ts";
import { wordOriginKey } from "../../../../shared/word/origins.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { WordOriginNote } from "../wordImport/index.ts";
import { CommentBody } from "./CommentBody.tsx";
import { CommentField } from "./CommentForm.tsx";
import { commentAuthorOf } from "./commentAuthorOf.ts";
import { canComment, canResolve, isOwn } from "./permissions.ts";

interface ThreadCardProps {
  thread: ThreadData;
  orphaned: boolean;
  focused: boolean;
  onFocus: () => void;
}

/**
 * One thread (`comment-thread`, with `data-resolved` and `data-orphaned`): the quoted
 * passage, the opening comment, its replies, and what the user may do with them.
 */
export function ThreadCard({ thread, orphaned, focused, onFocus }: ThreadCardProps) {
  const { t } = useTranslation();
  const { doc, user, session } = useDocument();
  // A final document takes no replies, edits or resolutions (the server refuses them too).
  const role = doc.final ? "viewer" : doc.role;
  const { ydoc } = session;
  const me = commentAuthorOf(user);
  const [reply, setReply] = useState("");
  const card = useRef<HTMLLIElement>(null);
  const mayComment = canComment(role);

  // Focused from the text (a click on its highlight): bring the thread into view.
  useEffect(() => {
    if (focused) card.current?.scrollIntoView({ block: "nearest" });
  }, [focused]);

  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    if (!reply.trim()) return;
    addReply(ydoc, thread.id, me, reply.trim());
    setReply("");
  };

  return (
    <li
      ref={card}
      className={`thread${focused ? " thread--focused" : ""}${thread.resolved ? " thread--resolved" : ""}`}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      data-resolved={String(thread.resolved)}
      data-orphaned={String(orphaned)}
    >
      <button
        type="button"
        className="thread__focus"
        onClick={onFocus}
        title={thread.quote}
        data-testid="comment-quote"
      >
        <span className="thread__quote">
          {orphaned && (
            <span className="badge badge--warning" title={t("comments.orphanedHint")}>
              {t("comments.orphaned")}
            </span>
          )}{" "}
          «{thread.quote}»
        </span>
      </button>
      <CommentBody
        kind="comment"
        comment={thread}
        own={mayComment && isOwn(me.id, thread)}
        onEdit={(text) => editThreadText(ydoc, thread.id, text)}
        onDelete={() => deleteThread(ydoc, thread.id)}
        badge={thread.resolved && <span className="badge"> {t("comments.resolved")}</span>}
      />
      <WordOriginNote originKey={wordOriginKey.thread(thread.id)} />
      <ul className="thread__replies">
        {thread.replies.map((r) => (
          <li key={r.id} data-testid="comment-reply" data-reply-id={r.id}>
            <CommentBody
              kind="reply"
              comment={r}
              own={mayComment && isOwn(me.id, r)}
              onEdit={(text) => editReply(ydoc, thread.id, r.id, text)}
              onDelete={() => deleteReply(ydoc, thread.id, r.id)}
            />
            <WordOriginNote originKey={wordOriginKey.reply(r.id)} />
          </li>
        ))}
      </ul>
      {mayComment && !thread.resolved && (
        <form className="thread__reply" onSubmit={submitReply}>
          <CommentField
            value={reply}
            onChange={setReply}
            label={t("comments.reply")}
            placeholder={t("comments.replyPlaceholder")}
            rows={2}
            testId="reply-input"
          />
          <button type="submit" className="button button--small" data-testid="reply-submit" disabled={!reply.trim()}>
            {t("comments.reply")}
          </button>
        </form>
      )}
      {canResolve(role, me.id, thread) && (
        <div className="thread__actions">
          <button
            type="button"
            className="button button--small"
            data-testid="resolve-button"
            onClick={() => setResolved(ydoc, thread.id, !thread.resolved, me)}
          >
            {thread.resolved ? t("comments.reopen") : t("comments.resolve")}
          </button>
        </div>
      )}
    </li>
  );
}
