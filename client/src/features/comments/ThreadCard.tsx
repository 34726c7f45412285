import { type FormEvent, memo, useEffect, useRef } from "react";
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
import { scrollCardIntoView } from "../margin/index.ts";
import { WordOriginNote } from "../wordImport/index.ts";
import { CommentBody } from "./CommentBody.tsx";
import { commentAuthorOf } from "./commentAuthorOf.ts";
import { MentionField } from "./MentionField.tsx";
import { canComment, canResolve, isOwn } from "./permissions.ts";
import { useMentionDraft } from "./useMentionDraft.ts";

interface ThreadCardProps {
  thread: ThreadData;
  orphaned: boolean;
  /** Where its passage starts (for the margin's layout), null if orphaned. */
  marginPos?: number | null;
  focused: boolean;
  onFocus: () => void;
}

/**
 * One thread (`comment-thread`, with `data-resolved` and `data-orphaned`): the quoted
 * passage, the opening comment, its replies, and what the user may do with them.
 * Typing moves the passages after it: only the card's element follows (its margin position),
 * its contents are drawn again only when the thread, its state or the focus change. So
 * `onFocus` must find the passage when it is called, not capture it when the card was drawn.
 */
export const ThreadCard = memo(
  function ThreadCard({ thread, orphaned, marginPos = null, focused, onFocus }: ThreadCardProps) {
    const card = useRef<HTMLLIElement>(null);
    // Focused from the text (a click on its highlight): bring the thread into view. Focused
    // from the card itself, it is in view already, and the view goes to its passage instead.
    useEffect(() => {
      const element = card.current;
      if (focused && element && !element.contains(document.activeElement)) return scrollCardIntoView(element);
      return undefined;
    }, [focused]);
    return (
      <li
        ref={card}
        className={`thread${focused ? " thread--focused" : ""}${thread.resolved ? " thread--resolved" : ""}`}
        data-testid="comment-thread"
        data-thread-id={thread.id}
        data-resolved={String(thread.resolved)}
        data-orphaned={String(orphaned)}
        data-margin-pos={marginPos ?? undefined}
        data-active={String(focused)}
      >
        <ThreadContents thread={thread} orphaned={orphaned} focused={focused} onFocus={onFocus} />
      </li>
    );
  },
  (a, b) => sameContents(a, b) && a.marginPos === b.marginPos,
);

type ContentsProps = Omit<ThreadCardProps, "marginPos">;

const sameContents = (a: ContentsProps, b: ContentsProps) =>
  a.thread === b.thread && a.orphaned === b.orphaned && a.focused === b.focused;

const ThreadContents = memo(function ThreadContents({ thread, orphaned, focused, onFocus }: ContentsProps) {
  const { t } = useTranslation();
  const { doc, user, session } = useDocument();
  // A final document takes no replies, edits or resolutions (the server refuses them too).
  const role = doc.final ? "viewer" : doc.role;
  const { ydoc } = session;
  const me = commentAuthorOf(user);
  const reply = useMentionDraft();
  const mayComment = canComment(role);

  const submitReply = (event: FormEvent) => {
    event.preventDefault();
    const text = reply.text.trim();
    if (!text) return;
    addReply(ydoc, thread.id, me, text, reply.mentions());
    reply.reset();
  };

  return (
    <>
      <button
        type="button"
        className="thread__focus"
        onClick={onFocus}
        title={thread.quote}
        aria-pressed={focused}
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
        onEdit={(text, mentions) => editThreadText(ydoc, thread.id, text, mentions)}
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
              onEdit={(text, mentions) => editReply(ydoc, thread.id, r.id, text, mentions)}
              onDelete={() => deleteReply(ydoc, thread.id, r.id)}
            />
            <WordOriginNote originKey={wordOriginKey.reply(r.id)} />
          </li>
        ))}
      </ul>
      {mayComment && !thread.resolved && (
        <form className="thread__reply" onSubmit={submitReply}>
          <MentionField
            value={reply.text}
            onChange={reply.setText}
            onMention={reply.choose}
            label={t("comments.reply")}
            placeholder={t("comments.replyPlaceholder")}
            rows={2}
            testId="reply-input"
          />
          <button
            type="submit"
            className="button button--small"
            data-testid="reply-submit"
            disabled={!reply.text.trim()}
          >
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
    </>
  );
}, sameContents);
