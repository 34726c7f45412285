import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { SubmitOrCancel } from "./CommentForm.tsx";
import { CommentText } from "./CommentText.tsx";
import { MentionField } from "./MentionField.tsx";
import { useMentionDraft } from "./useMentionDraft.ts";

interface CommentBodyProps {
  /** Prefix of the test ids: `comment-…` for a thread's opening comment, `reply-…` for a reply. */
  kind: "comment" | "reply";
  comment: {
    authorName: string;
    orgId: string;
    createdAt: string;
    editedAt: string | null;
    text: string;
    mentions?: readonly string[] | undefined;
  };
  /** The signed-in user wrote it (and may still comment): offer to edit and delete it. */
  own: boolean;
  /** The new text and the ids of the people it mentions. */
  onEdit: (text: string, mentions: string[]) => void;
  onDelete: () => void;
  /** Shown at the end of the meta line, e.g. the thread's "erledigt". */
  badge?: ReactNode;
}

/**
 * One comment: author, organisation, time, "bearbeitet" once edited, and the text. Its
 * author edits it in place (`<kind>-edit`, `<kind>-edit-input`, `<kind>-edit-save`) and
 * deletes it in two steps (`<kind>-delete`, then `<kind>-delete-confirm`).
 */
export function CommentBody({ kind, comment, own, onEdit, onDelete, badge }: CommentBodyProps) {
  const { t, i18n } = useTranslation();
  const { organisation, members } = useDocument();
  const [editing, setEditing] = useState(false);
  const draft = useMentionDraft();
  const [confirming, setConfirming] = useState(false);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const text = draft.text.trim();
    const mentions = draft.mentions();
    const before = comment.mentions ?? [];
    const sameMentions = mentions.length === before.length && mentions.every((id) => before.includes(id));
    // The model requires a text; an empty one would be refused by the server (and reset us).
    if (text && (text !== comment.text || !sameMentions)) onEdit(text, mentions);
    setEditing(false);
  };
  const startEditing = () => {
    // Whom the comment mentions stays chosen, as long as they are members and named in the text.
    const chosen = (members ?? []).filter((m) => comment.mentions?.includes(m.userId));
    draft.reset(comment.text, chosen);
    setEditing(true);
  };

  return (
    <>
      <p className="thread__meta">
        <strong>{comment.authorName}</strong> ({organisation(comment.orgId).shortName}) ·{" "}
        {formatDateTime(comment.createdAt, i18n.language)}
        {comment.editedAt && <span data-testid={`${kind}-edited`}> · {t("comments.edited")}</span>}
        {badge}
      </p>
      {!editing ? (
        <CommentText text={comment.text} mentions={comment.mentions ?? []} testId={`${kind}-text`} />
      ) : (
        <form className="thread__edit" onSubmit={save}>
          <MentionField
            value={draft.text}
            onChange={draft.setText}
            onMention={draft.choose}
            label={t("comments.edit")}
            rows={3}
            testId={`${kind}-edit-input`}
          />
          <SubmitOrCancel
            label={t("comments.save")}
            testId={`${kind}-edit-save`}
            text={draft.text}
            onCancel={() => setEditing(false)}
          />
        </form>
      )}
      {own && !editing && (
        <div className="thread__actions">
          {confirming ? (
            <>
              <button
                type="button"
                className="link-button link-button--danger"
                data-testid={`${kind}-delete-confirm`}
                onClick={onDelete}
              >
                {kind === "comment" ? t("comments.confirmDeleteThread") : t("comments.confirmDelete")}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirming(false)}>
                {t("comments.cancel")}
              </button>
            </>
          ) : (
            <>
              <button type="button" className="link-button" data-testid={`${kind}-edit`} onClick={startEditing}>
                {t("comments.edit")}
              </button>
              <button
                type="button"
                className="link-button"
                data-testid={`${kind}-delete`}
                onClick={() => setConfirming(true)}
              >
                {t("comments.delete")}
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
